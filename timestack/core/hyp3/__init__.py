"""ASF HyP3 products (RTC_GAMMA, INSAR_GAMMA): their names, their folders and zips, and their time stacks."""

__all__ = ["download", "names", "products", "sample", "stack"]
