# The clinician's PDF report, English only.
#
# { $name } is words or a number the program puts in, already written.

## The PDF's title in a viewer's title bar
report-document-title = xhim-aid report: X-linked hyper-IgM syndrome

## The first page: title, who made it and how to read it
report-title = X-linked hyper-IgM syndrome: evidence report
report-generated = Generated { $generated } (UTC) · xhim-aid { $version } · evidence { $evidence }
report-not-saved = This patient has not been saved to a file.
report-last-saved = Last saved by { $by } at { $at } (xhim-aid { $version }, evidence { $evidence }); { $n } recorded { $n ->
        [one] change
       *[other] changes
    }.
report-how-to-read = Published values are shown as published, each with its source. A number marked “calculated” is derived from a published value and says from what. Dashed lines join published points and are not fitted curves; step curves are Kaplan–Meier estimates of a centre's or a digitized cohort's records and name their source. Numbers about him (ages, time remaining) come from his record.
report-prepared-at = Prepared at { $clinic }.

## The patient section: the note and problems with the record
report-note-none = Note: none.
report-note = Note: { $note }
report-note-own-line = Note:
    { $note }
report-note-left-out = Note: not included (notes may hold identifying text; the note is printed only when chosen in the report options).
report-problems = The record has problems: { $problems }
report-problems-separator = {" "}

## The picture: its heading, the panels' axes and the numbers at risk
report-picture-heading = The picture: one clock per panel
report-picture-clocks = Each panel has its own clock (age, or years since HSCT) and its own measure; values on different panels are not compared by position.
report-axis-percent = { $value } %
report-axis-years = { $value } y
report-range-background = background (a range, no point inside)
report-at-risk-heading = Numbers at risk (events, censored so far)

## Under a finding: why it concerns him and its source
report-concerns-him = Concerns him:{" "}
report-source = Source: { $source }
report-under-separator = {" "}

## The family pages in the clinician's report
report-family-heading = For the family: what the studies found, in plain words
report-family-intro = These pages are what the family view shows. They describe what published studies found for groups of boys. They cannot say what will happen to one boy, and they do not say what to do.

## Every page's footer
report-page-of = Page { $page } of { $total }
