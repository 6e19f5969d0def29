"""The corpus evaluation: ``evaluate`` scores parsed records against the gold files,
``baseline`` pins the per-field floors and the corpus digest (``corpus/baseline.json``)."""
