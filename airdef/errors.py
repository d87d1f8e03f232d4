"""The one exception type a person sees for a data problem."""

from __future__ import annotations

__all__ = ["DataError"]


class DataError(ValueError):
    """A problem with input data or a configuration file, written for a person.

    The message is one line that names the file and, where it applies, the row,
    the column and what is wrong. The command line prints it without a traceback.

    Examples
    --------
    >>> raise DataError("strikes.csv: the file is empty")
    Traceback (most recent call last):
    ...
    airdef.errors.DataError: strikes.csv: the file is empty
    """
