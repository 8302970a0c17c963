# The status line and the timing clocks of the clinician's view (English
# only: see ENGLISH_ONLY in the translation module).
#
# { $name } is a number or citation the program puts in with its source;
# <b>…</b> is emphasis.

## Status line: its heading and what it says before he can be placed
status-heading = Where he stands
status-correct-the-form = Correct the marked fields in the patient form to place him on the evidence.
status-enter-an-age = Enter his age (or date of birth) to place him on the evidence; nothing is shown for him until then.
status-no-timing = The loaded evidence has no timing findings.

## Status line: his place on the ≤5-year window (the first, larger sentence)
status-remain = { $number ->
        [one] remains
       *[other] remain
    }
status-inside = <b>Inside the { $window } window: </b>{ $left } { $remain } before his { $birthday } birthday.{ " " }
status-past-window = <b>Past the { $window } window</b> (his { $birthday } birthday has passed); { $left } { $remain } before his { $older } birthday.{ " " }
status-past-both = <b>Past the { $window } window and { $older-years } years or older. </b>
status-past-both-no-value = { " " }No outcome value for HSCT at { $older-years } years or older is published.
status-transplanted = <b>Transplanted at </b>{ $at }<b>: </b>
status-transplanted-inside = inside the { $window } window.{ " " }
status-transplanted-between = after the { $window } window (his { $birthday } birthday), before his { $older } birthday.{ " " }
status-transplanted-older = after the { $window } window, at { $older-years } years or older.{ " " }
status-since-hsct = { " " }{ $since } since his HSCT.
status-japan = { $source } ({ $n }): event-free and disease-free survival were greater after HSCT at { $group }{ $cited ->
        [yes] { " " }{ $cite }
       *[no] { "" }
    }.
status-ebmt = { $source } ({ $n }): better outcomes in children { $group } at HSCT{ $cited ->
        [yes] { " " }{ $cite }
       *[no] { "" }
    }.

## Status line: a planned HSCT placed against the window
status-when-planned = planned
status-when-planned-on = planned on { $date }
status-planned-no-date = <b>HSCT { $when }</b>, with no date set yet.
status-planned-unplaced = <b>HSCT { $when }</b>; its date cannot be placed on his age until the record is valid.
status-planned-at = <b>HSCT { $when } at </b>{ $at }:{ " " }
status-planned-inside = { $before } before his { $birthday } birthday, inside the { $window } window.
status-planned-between = after his { $birthday } birthday (outside the { $window } window), { $before } before his { $older } birthday.
status-planned-after = after his { $older } birthday.

## Status line: what is known after HSCT, for a transplanted boy
status-after-cohort = { $cohort } ({ $n })
status-after-cohort-era = { $cohort } ({ $n }, { $era })
status-after-hsct = <b>After HSCT: </b>{ $cohorts } published survival after HSCT for all ages at HSCT together; no value for boys transplanted at his age ({ $at }) is published, and the studies above found that age at HSCT mattered{ $past ->
        [yes] ; the latest of those values is for { $latest } after HSCT, he is past that point, and no later values are published.
       *[no] { "." }
    }
status-first-year = { " " }<b>{ $within ->
        [yes] He is within the first year after HSCT.
       *[no] He is past the first year after HSCT.
    }{ " " }</b>

## Status line: every timing clock, with time left or passed
status-outside-ages = <b>Outside the ages studied: </b>at { $age } he is older than any age the cohorts report on (up to { $oldest } of age) { $cite }; no published value describes him.
status-clock = <b>{ $clock }: </b>
status-clock-birthday = His { $ordinal } birthday
status-clock-from-diagnosis = { $time } from his diagnosis
status-clock-left = { $time } left
status-clock-reached = reached this month
status-clock-passed = passed { $time } ago
status-clock-hsct-before = his HSCT was { $time } before it
status-clock-hsct-at = his HSCT was at it
status-clock-hsct-after = his HSCT was { $time } after it
status-clock-not-recorded = his age at diagnosis is not recorded, so he cannot be placed on it
status-clock-group = { "." } { $group } —{ " " }
status-group-age = HSCT at { $group }
status-group-diagnosis = HSCT within { $time } of diagnosis
status-clock-agree = { $cohorts } agree:{ " " }
status-clock-finding = { $cohort } ({ $n })
status-clocks-differ = The cohorts name different ages at HSCT; each is shown, none replaces another.

## Status line: his risk factors and his donor, with the findings that name them
status-risk-factors = His conditions that studies report as risk factors:{ " " }
status-risk-cohort = { " " }— { $cohort } ({ $n }):{ " " }
status-risk-also = ; also { $cohorts }
status-donor = <b>Donor: </b>{ $reason } { $cohort } ({ $n }):{ " " }
status-cohort-n = n = { $n }

## The clocks: a figure's x-axis title, and their names in forms and hover text
clock-axis-age = Age (years)
clock-axis-since-hsct = Years since HSCT
clock-axis-since-diagnosis = Years since diagnosis
clock-age = age (from birth)
clock-since-hsct = time since HSCT
clock-since-diagnosis = time since diagnosis

## Under the status line: the cohort-curve controls
controls-conditional = Given alive at his age / years since HSCT (conditional survival)
controls-min-at-risk = Stop curves below this many at risk
controls-remove-imported = Remove imported data

# (Whether the patient file is saved, above the status line, is in
# messages.ftl: it follows the menu language.)
