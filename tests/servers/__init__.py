"""Real servers the tests run against on loopback (started and stopped by pytest fixtures)."""
