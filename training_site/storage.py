"""File storages."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on local disk: no URL at all; permission-checked views serve them.

    `FileSystemStorage(base_url=None)` would fall back to MEDIA_URL; here `url()` raises
    ValueError ("This file is not accessible via a URL.") instead.
    """

    @property
    def base_url(self):
        return None
