"""Record quality and the township's review work (issue 17, part B).

- :mod:`app.services.quality.report`: the quality report — follow-ups copied forward, bursts of
  entries, impossible dates, missing mandatory fields, late entry, PCs with wrong clocks — per village
  and per doctor, each finding naming the resident and visit behind it; :func:`report.counts` gives
  the counts per village and kind to other reports (the indicators table).
- :mod:`app.services.quality.export`: the report as an xlsx workbook.
- :mod:`app.services.quality.review`: the township's review queue (possible duplicates, sync
  conflicts, records failing today's validation, referrals open too long) and the decisions that
  close it, which sync back to the owning village.
"""
