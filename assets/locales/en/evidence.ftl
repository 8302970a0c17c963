# The evidence cards, their ranking and the evidence version's words in the
# clinician's view (English only).
#
# { $name } is a number or citation the program puts in with its source;
# <b>…</b> is emphasis.

## Evidence cards: a cohort added by hand
evidence-added-locally = added locally by { $by } on { $on }

## Evidence panel and hover text: where a cohort's survival clock starts
origin-short-age = age
origin-short-since-hsct = since HSCT
origin-short-since-diagnosis-or-hsct = since diagnosis / HSCT
origin-short-not-applicable = –
origin-age = age (from birth)
origin-since-hsct = years since HSCT
origin-since-diagnosis-or-hsct = years since diagnosis or since transplantation
origin-not-applicable = no survival curve reported

## Evidence panel: the headings that group the findings
topic-timing = Timing of HSCT
topic-hsct-versus-none = HSCT versus no HSCT
topic-hsct-outcome = Outcomes after HSCT
topic-harms = Deaths and harms
topic-risk-factor = Risk factors
topic-donor = Donor and conditioning
topic-natural-history = Without HSCT (natural history)
topic-cohort = Who was studied
topic-background = Background statements

## Evidence cards and legends: what a published value measures, in short
measure-short-os = OS
measure-short-efs = EFS
measure-short-dfs = DFS
measure-short-cumulative-incidence = cumulative incidence
measure-short-proportion = proportion

## Status line, cards and figure: an age group ("≤5-year window", "≤5 years")
age-group-at-most-adjective = ≤{ $years }-year
age-group-under-adjective = <{ $years }-year
age-group-at-most = ≤{ $years } years
age-group-under = <{ $years } years

## Evidence cards and status line: how many patients a finding counted
evidence-n = n = { $n }
evidence-n-part = { " " }({ $n } { $group })
evidence-n-versus = { " " }vs { $n }
series-n-not-given-of = not given ({ $all } boys studied in all)
series-n-not-given = not given

## Figure hover text and legends: how a cohort's line was drawn
line-joined-points = dashed lines join the published points; not a fitted curve
line-digitized-km = Kaplan–Meier curve digitized from the published figure
line-reconstructed = Kaplan–Meier of records reconstructed from the published figure

## Loading cohort files: what is wrong with one (shown with the file's name)
evidence-cohort-twice = cohort id “{ $id }” is used twice
evidence-local-needs-who = a hand-added cohort must say who added it and when
evidence-local-needs-citation = a hand-added cohort needs its citation
evidence-finding-twice = finding id “{ $id }” is used twice
evidence-finding-problem = finding “{ $id }” has { $problem }
evidence-median-no-time = finding “{ $id }” is a median with no time
evidence-finding-needs-statement = finding “{ $id }” needs a statement and a locator
evidence-series-no-points = series “{ $id }” has no points
evidence-series-outside = series “{ $id }” has a point outside the plot
evidence-series-order = series “{ $id }” is not in increasing age order

## Evidence cards: why a finding concerns him
reason-without = No { $conditions } is recorded for him; this finding is about patients without it.
reason-or = { " " }or{ " " }
reason-age-group = He is in this age group { $when ->
        [hsct] at HSCT
       *[now] now
    } ({ $age }).
reason-has = He has { $condition }.
reason-organ-damage = He has organ damage ({ $conditions }).
reason-age-at-least = He is { $age } { $when ->
        [hsct] at HSCT
       *[now] now
    }.
reason-diagnosed = He was diagnosed { $time } ago.
reason-transplanted = He was transplanted { $time } ago.
reason-donor-sibling = He has a matched sibling donor.
reason-donor-unrelated = He has a matched unrelated donor.
reason-donor-mismatched = His only donor is mismatched or haploidentical; this finding compares donor types.
reason-donor-none = No donor has been identified yet; this finding compares donor types.
reason-conditioning-myeloablative = His planned conditioning is myeloablative.
reason-conditioning-reduced = His planned conditioning is reduced intensity.
reason-source-marrow = His planned stem cell source is bone marrow.
reason-source-peripheral = His planned stem cell source is peripheral blood.
reason-source-cord = His planned stem cell source is cord blood.
reason-pcr-positive = His Cryptosporidium PCR before HSCT was positive.
reason-pcr-negative = His Cryptosporidium PCR before HSCT was negative.
reason-pcr-none = He has no Cryptosporidium PCR recorded; this finding compares PCR-positive and PCR-negative patients before HSCT.

## Evidence cards, hover text and summary: a published value in the authors' words
published-percent = { $percent } %
published-qualifier-approximately = approximately{ " " }
published-qualifier-close-to = close to{ " " }
published-qualifier-greater-than = greater than{ " " }
published-range = approximately { $low }–{ $high } %
published-median = median survival (50 % alive)
published-alive-at-close = { $alive } of { $of } ({ $percent } %) alive at the close of the survey (a crude proportion after unequal follow-up, not survival at a time point)
published-hazard-ratio = hazard ratio { $ratio }
published-hazard-ratio-interval = hazard ratio { $ratio } (95 % confidence limits { $lower }–{ $upper })
published-p = P = { $p }
published-marker-greater-than = > { $percent } %
published-marker-median = median
published-impossible = an impossible value

## Hover text: when a value applies, and on which clock
time-at-age = at { $age } years of age
time-age-span = ages { $from }–{ $to } years
time-after-hsct = { $years } years after HSCT
time-after-diagnosis = { $years } years after diagnosis
time-clock-age = age (from birth)
time-clock-after-hsct = years since HSCT
time-clock-after-diagnosis = years since diagnosis

## Evidence panel: the groups of findings that concern him, and their counts
about-risk-factor = His risk factors
about-window = His age and the timing window
about-since-diagnosis = His time since diagnosis
about-donor = His donor and conditioning
about-transplant = His transplant
about-background = Background on the condition
evidence-findings = { $n ->
        [one] 1 finding
       *[other] { $n } findings
    }

## Citations everywhere: a cohort with where in the publication, and who added a local one
cite-label = { $cohort }, { $locator }
cite-local = { $citation }; { $added }
cite-abstract = abstract

## Evidence panel: the title of a question several cohorts answer
evidence-question-age-at-hsct = Does age at HSCT matter?
evidence-question-hsct-vs-none = Is survival better with HSCT than without?
evidence-question-other = { $words }?

## The evidence changelog: a problem in it, the version line, and what is new for him since the file was saved
changelog-unreadable = evidence changelog: { $error }
changelog-bad-version = evidence changelog: version “{ $version }” must be YYYY-MM with a date in it
changelog-not-newer = evidence changelog: “{ $version }” is not newer than the version after it
changelog-record = { $version } ({ $fingerprint })
changelog-new-heading = New in the evidence since this file was saved
changelog-all-versions = What changed in each evidence version
changelog-saved-unversioned = with no evidence version
changelog-saved-under = under evidence { $version }
changelog-new-intro = This file was last saved { $saved }; the evidence is now version { $version } ({ $date }). What is new that concerns him:
changelog-entry = <b>{ $version }: </b>{ $text }
changelog-entry-head = { $version }: { $head }

## Adding a published value by hand: the measure, what is wrong with the form, and the finding it makes
local-measure-os = Overall survival
local-measure-efs = Event-free survival
local-measure-dfs = Disease-free survival
local-measure-cumulative-incidence = Cumulative incidence
local-measure-proportion = Proportion
local-citation-required = The citation is required.
local-group-required = Say which group the value is for.
local-n-not-whole = “{ $text }” is not a whole number of patients.
local-value-required = The value is required.
local-time-not-years = “{ $text }” is not a number of years from 0 to 120.
local-locator-required = Say where in the paper the value is (e.g. Table 2).
local-not-percent = “{ $text }” is not a percentage from 0 to 100.
local-interval-order = The interval must run from low to high and contain the value.
local-interval-both = Give both ends of the interval, or neither.
local-not-identifier = “{ $text }” is not a DOI (10.xxxx/…) or a PMID (digits).
local-design = Publication not shipped with the app; value entered by hand
local-method = As published
local-when-age = { " " }at { $years } years of age
local-when-since-hsct = { " " }{ $years } years after HSCT
local-when-since-diagnosis = { " " }{ $years } years after diagnosis
local-ci = { " " }(95 % CI { $low }–{ $high } %)
local-n = { " " }(n = { $n })
local-statement = { $measure }{ $when }: { $value } %{ $ci }; { $group }{ $n }.

## The family's answers kept in the patient file: what stops them being saved
discussion-rating-unnamed = A rating names no statement.
discussion-rated-twice = The statement “{ $statement }” is rated twice.
discussion-too-many-questions = { $count } questions; at most { $max } are kept.
discussion-question-too-long = A question is longer than { $max } characters.

## Figure: panel titles and the y-axis titles
panel-survival-by-age = Survival by age
panel-liver-by-age = Liver disease by age
panel-after-hsct = Survival after HSCT
panel-since-diagnosis = Survival since diagnosis
axis-survival = % alive
axis-incidence = % of boys

## Figure: his markers on the x axis, and the ≤5-year band
figure-marker-age-now = His age now ({ $age })
figure-marker-hsct = His HSCT ({ $age })
figure-marker-planned = Planned HSCT ({ $age })
figure-marker-since-hsct = His years since HSCT ({ $time })
figure-marker-since-diagnosis = His years since diagnosis ({ $time })
figure-window-label = HSCT at { $group } ({ $cohort }, { $n })
figure-window-title-at-most = ≤{ $years } y
figure-window-title-under = <{ $years } y
figure-window-hover =
    { $statement }
    Source: { $source }
    { $citation }

## Figure: legend labels and the short labels beside markers
figure-measure-value = { $measure } { $value }
figure-at-age-short = { " " }at { $years } y
figure-boys-without-hsct = , { $n } boys without HSCT
figure-no-hsct-label = { $measure }{ $at }{ $who } ({ $cohort })
figure-median-direct = median { $years } y
figure-background-label = Background, not a cohort result: { $value } ({ $cohort })
figure-series-label = { $series } ({ $source })
figure-part = , { $part }
figure-after-hsct-what = { $measure } { $years } y after HSCT
figure-after-hsct-what-value = { $measure } { $value } at { $years } y after HSCT
figure-after-hsct-label = { $what }{ $era }, { $applies } ({ $cohort }{ $n })
figure-median-from-diagnosis = Median survival { $years } y from diagnosis
figure-value-after-diagnosis = { $value } { $years } y after diagnosis
figure-since-diagnosis-label = { $what }{ $who } ({ $cohort }{ $n })
figure-applies-group = HSCT at { $group }
figure-applies-all = all ages at HSCT

## Figure: notes under the panels
figure-note-markers = Markers are published values, each with its cohort; none of them is a projection for him. Their n, clock and caveats are listed with the published values.
figure-liver-note = { $series } ({ $source }): { $population };{ " " }
figure-liver-boys = { $n } boys
figure-liver-not-given-of = their number is not given ({ $all } boys studied in all)
figure-liver-not-given = their number is not given
figure-liver-caveat = ; { $caveat }
figure-liver-dashed = { "." } Dashed lines join published points; not a fitted curve.
figure-after-hsct-note = Post-HSCT values describe boys who were transplanted, at the ages at HSCT named in each label; none is a projection for him. An open marker is a value the authors gave as approximate; an arrow up is a lower bound.
figure-first-year = { $within ->
        [yes] He is within the first year after HSCT.
       *[no] He is past the first year after HSCT.
    }{ " " }
figure-cohort-lead = { $cohort }:{ " " }
figure-after-hsct-facts = Published about transplanted boys (follow-up facts, not points on a curve):{ " " }
figure-median-note = A median is the time from diagnosis at which half of the group were alive, so it is drawn at 50 %; the medians describe the cohort's boys, and none is a projection for him.
figure-diagnosis-not-recorded = His age at diagnosis is not recorded, so he is not placed on this clock.

## Figure: hover text of a published value and of a point on a cohort's curve
figure-liver-hover =
    { $series }: { $percent } % at { $age } years of age
    Who: { $who }
    Number of boys: { $n }
    Clock: age (from birth)
    Line: { $line }
    Source: { $source }
    { $citation }
figure-n-not-reported = n = not reported
figure-hover-clock = Clock: { $clock }
figure-hover-era = Era: { $era }
figure-hover-holds = Holds for: { $applies }
figure-hover-source = Source: { $source }
figure-curve-hover =
    { $label }
    { $when }: { $percent } %{ $interval }
    at risk { $at-risk }, events { $events }, censored { $censored } so far
    { $about }
figure-curve-ci = { " " }(95 % CI { $low }–{ $high } %)
figure-curve-when-age = age { $x } years
figure-curve-when-since-hsct = { $x } years after HSCT
figure-curve-when-since-diagnosis = { $x } years after diagnosis

## The figure in words (text alternative, summary and report): each panel, band, marker and series
describe-panel-heading = { $title } — x: { $x }, y: { $y }
describe-band = Shaded band from birth to his { $end } (his { $birthday } birthday): { $label }.
describe-marker-age-now = Vertical line at his age now: { $at }.
describe-marker-planned-hsct = Vertical dashed line at his planned HSCT: { $at }.
describe-marker-hsct = Vertical line at his HSCT: { $at }.
describe-marker-since-hsct = Vertical line at his years since HSCT: { $at }.
describe-marker-since-diagnosis = Vertical line at his years since diagnosis: { $at }.
describe-before-age = at{ " " }
describe-after-age = { " " }of age
describe-after-since-hsct = { " " }after HSCT
describe-after-since-diagnosis = { " " }after diagnosis
describe-series-lead = { $label }:{ " " }
describe-median = median survival { $x }{ $after } (50 % alive then)
describe-value = { $word }{ $y } { $before }{ $x }{ $after }
describe-lower-bound = { " " }(a lower bound, drawn as an arrow up from the value)
describe-approximate = { " " }(an approximate value, drawn as an open marker)
describe-joined-point = { $y } { $before }{ $x }{ $after }
describe-joined-end = { " " }(published points joined by dashed lines; not a fitted curve).
describe-range = a published range, { $low } to { $high }, drawn as a box from { $from } to { $to }{ $after }, with no point inside it.
describe-km = Kaplan–Meier curve from { $from } to { $to }{ $after }, ending at { $end }; { $provenance }
describe-km-conditional = ; conditional on being alive at { $x }{ $after }
describe-km-cut = ; cut where few remain at risk
describe-risk-heading = Numbers at risk (events, censored)
describe-risk-cell = { $at-risk } ({ $events }, { $censored })

## Figure: a centre's own or digitized cohort drawn as curves (legend, hover and notes)
curve-name = { $cohort } (n = { $n })
curve-name-group = { $cohort } { $group } (n = { $n })
curve-cut = { $name }: the curve stops at { $at }, where fewer than { $min } remain at risk ({ $left } left).
curve-given-alive = { $name }, given alive at { $when }
curve-landmark-age = his age
curve-landmark-since-hsct = { $x } years after HSCT
curve-landmark-since-diagnosis = { $x } years after diagnosis
curve-about = { $provenance }; clock: { $clock }
curve-logrank = { $cohort }: log-rank test across its { $groups } groups, chi-square { $chi } on { $df } df, { $p }.
curve-not-reached = not reached
curve-median-not-reached = { $name }: median survival not reached (more than half still alive at last follow-up).
curve-median = { $name }: median survival { $median } (95 % CI { $low } to { $high }).

## Evidence panel: its heading, introduction, sections and the cohort table
panel-heading = Evidence
panel-intro = What published cohorts found. Findings about his situation come first, risk factors first, outlined and marked “Concerns this patient”; the rest follow by topic.
panel-side-by-side = Cohorts side by side
panel-disagree = Where the studies disagree
panel-about-him = { $findings } about his situation
panel-cohort-hint = Hover a cohort for its design, method and citation.
panel-column-cohort = Cohort
panel-column-n = n
panel-column-era = Era
panel-column-clock = Survival clock
panel-cohort-hover =
    { $design }
    { $method }

    { $citation }
panel-no-count = –
panel-era-not-stated = not stated

## Evidence cards: what marks one that concerns him, its caution and citation
card-concerns = Concerns this patient:
card-concerns-why = { $prefix } { $why }
card-caution = Caution: { $caveat }
card-comment = { $cohort } on this finding: “{ $comment }” ({ $source })
card-doi = { " " }doi:{ $doi }
card-pmid = { " " }PMID { $pmid }

## Figure: a panel's title line, its enlarge and back buttons, and what a screen reader hears
view-axes = x: { $x } · y: { $y }
view-enlarge = Enlarge
view-enlarge-panel = Enlarge { $title }
view-all-panels = Back to all panels (Esc)
view-all-panels-hint = Show every panel again (Escape)
view-enlarge-hint = Show this panel over the whole area, to read its steps
view-plot-name = Plot: { $title }; x: { $x }, y: { $y }. Every value and number at risk is in “{ $alternative }” below the panels.

## Figure on screen: the text alternative's heading, curve statistics, censor marks, legend and numbers at risk
figure-text-alternative = The picture as text: every value and number at risk
figure-curve-statistics = Curve statistics ({ $count })
figure-censored-suffix = { " " }· censored
figure-censored-at = at { $x }
figure-censored-from-to = from { $from } to { $to }
figure-censored-hover =
    { $label }
    { $count } censored { $span } ({ $axis })
figure-y-tick = { $value } %
figure-background-word = background
figure-legend-hide = Click to hide this series
figure-legend-show = Click to show this series
figure-risk-heading = Numbers at risk (events, censored so far)
figure-risk-tick = { $years } y
figure-risk-cell = { $at-risk } ({ $events }, { $censored })

# (Documents on screen, why an item concerns him and the family's answers
# shown back, are in family.ftl: the family view shows them too.)
