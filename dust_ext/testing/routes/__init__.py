"""Route modules of the emulator, one per Dust API area; each exposes ``ROUTES``."""
