"""File storages."""

from django.core.files.storage import FileSystemStorage, Storage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Private files on local disk: no URL at all; permission-checked views serve them.

    `FileSystemStorage(base_url=None)` would fall back to MEDIA_URL; here `url()` raises
    ValueError ("This file is not accessible via a URL.") instead.
    """

    @property
    def base_url(self):
        return None


class PrivateStorage(Storage):
    """Delegates every call to STORAGES["private"], looked up at use (settings may change).
    Model fields that keep private files (certificates, documents) use it."""

    def __getattribute__(self, name):
        if name.startswith("__") or name == "url":
            return object.__getattribute__(self, name)
        return getattr(storages["private"], name)

    def url(self, name):
        raise ValueError("Private files have no public URL; use the checked download view.")


_private_storage = PrivateStorage()


def private_storage():
    return _private_storage
