# The evidence cards, their ranking and the evidence version's words in the
# clinician's view (English only).
