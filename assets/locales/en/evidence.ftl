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
