"""Enables the SDK's pytest plugin: ``vcr_config`` for Dust and the emulator fixtures."""

pytest_plugins = ["dust_ext.testing.pytest_plugin"]
