# The clinical summary (Copy clinical summary and `xhim-aid summary`),
# English only.
#
# { $name } is a number or citation the program puts in with its source, or
# words from the cohort files and the patient file.

## The line above every summary: which program and evidence wrote it, from
## which file
summary-record-heading = xhim-aid { $version } clinical summary of { $source } (evidence { $evidence })

## Section headings of the summary
summary-heading-patient = Patient
summary-heading-values = Published values (each on its own clock)
summary-heading-timing = Evidence on the timing of HSCT
summary-heading-matched = Findings that concern him
summary-heading-disagree = Where the studies disagree
summary-heading-curves = Cohort curves loaded in the app
summary-heading-sources = Sources
summary-heading-disclaimer = Disclaimer

## The patient table: row labels and what a row says
summary-not-valid = The record is not valid yet; see the marked fields.
summary-row-age = Age
summary-row-diagnosis = Age at diagnosis
summary-row-hsct = HSCT
summary-row-conditions = Conditions
summary-row-donor = Donor
summary-row-conditioning = Planned conditioning
summary-row-stem-cell-source = Stem cell source
summary-row-crypto-pcr = Cryptosporidium PCR before HSCT
summary-number = { $value }
summary-age-from-dates = { $age } (from dates, as of { $date })
summary-age-not-entered = not entered
summary-age-not-valid = not valid
summary-diagnosis-not-recorded = not recorded
summary-hsct-none = none
summary-hsct-planned-no-date = planned, no date set
summary-hsct-planned-on-at = planned on { $date }, at { $age }
summary-hsct-planned-on = planned on { $date }
summary-hsct-planned = planned
summary-hsct-planned-at = planned at { $age }
summary-hsct-done = done
summary-hsct-done-at = done at { $age }
summary-conditions-none = none recorded
summary-conditions-separator = {"; "}

## Published values: a cohort's curve points
summary-series = { $label } ({ $population }):{" "}
summary-series-point = { $percent } by { $age } of age
summary-series-point-separator = {", "}
summary-series-end = . Clock: age. Number of boys: { $n }.
summary-series-caveat = {" "}Caveat: { $caveat }.

## Published values: one finding's value, its time, n and clock
summary-value-head = { $cohort } { $measure }{" "}
summary-value-median = median survival
summary-value-at-age = {" "}at { $age } of age
summary-value-over-ages = {" "}over ages { $from } to { $to }
summary-value-after-hsct = {" "}{ $years } after HSCT
summary-value-from-diagnosis-median = {" "}{ $years } from diagnosis (50 % alive then)
summary-value-after-diagnosis = {" "}{ $years } after diagnosis
summary-value-who = , { $group }
summary-value-era = , { $era }
summary-value-n-not-reported = n not reported
summary-value-tail = {" "}({ $n }{ $who }{ $era }; clock: { $clock }).
summary-value-caveat = {" "}{ $caveat }
summary-clock-age = age
summary-clock-diagnosis = years since diagnosis
summary-clock-hsct = years since HSCT; { $ages }
summary-clock-all-ages = all ages at HSCT
summary-clock-hsct-at = HSCT at { $group }
summary-crude-who = {" "}({ $group })
summary-crude = { $cohort }{ $who }: { $alive } of { $of } ({ $percent }) alive at the close of the survey: a crude proportion after follow-up of unequal length, not survival at a time point.

## Timing evidence, matched findings and disagreeing studies
summary-cohort = { $cohort }:{" "}
summary-cohort-n = { $cohort } ({ $n }):{" "}
summary-matched-none = No published finding speaks to a characteristic recorded for him.
summary-matched-intro = Findings about his situation, risk factors first; background on the condition is under the evidence sections.
summary-n-equals = n = { $n }
summary-disagree-tail = {" "}({ $n }{ $era }; { $method })
summary-disagree-caution = {" "}Caution: { $caveat }
summary-comment-on = {" "}{ $cohort } on this finding:{" "}
summary-space = {" "}

## Sources
summary-doi = doi:{ $doi }
summary-pmid = PMID { $pmid }
summary-id-separator = {" · "}
summary-ids = {" "}{ $ids }.
summary-added = {" "}Added locally by { $by } on { $on }.
summary-evidence-version = Evidence version { $version }.
