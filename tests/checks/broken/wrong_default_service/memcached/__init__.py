from .patch import get_version, patch, unpatch
