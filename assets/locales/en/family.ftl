# The family view and the family pages of the handout and report, in
# English: the source of every translation. Statements about the condition,
# the "what matters" prompts and the prompt questions are in
# assets/family/statements.ron (English) and statements.ftl (translations).
#
# { $name } is a number or citation the program puts in with its source;
# <b>…</b> is emphasis. Keep each sentence short and plain.

## Section headings
heading-choice = The choice you are facing
heading-life-after = Life after his transplant
heading-situation = What his own health means for the choice
heading-situation-after = His own health
heading-options = The options side by side
heading-pictures = Out of 100 boys
heading-what-matters = What matters to your family
heading-steps = Steps and questions
heading-questions = Questions to ask the team
heading-leaning = Which way are you leaning now?
heading-condition = More about XHIM and its care
heading-inheritance = How XHIM is inherited
heading-sources = Sources
heading-about = About this aid
text-not-loaded = The family text could not be loaded: { $error }

## The choice
option-a = A transplant soon, with the donor there is.
option-b = Current care now, and a transplant later.
option-c = Current care, without a transplant.
leaning-a = A: a transplant soon
leaning-b = B: current care now, a transplant later
leaning-c = C: current care without a transplant
leaning-unsure = Not sure yet
choice-decision = <b>The decision: </b>whether and when he has a stem cell transplant (HSCT).{ " " }
choice-three = There are three options:
choice-no-hurry = You do not have to decide today. There is time to think and to ask questions, and you can come back to this choice with the team later.

## Life after a transplant
after-when = He had a stem cell transplant (HSCT) at { $age }.
after-since = { " " }That was { $since } ago.
after-past = The largest study counted boys for { $span } after their transplant. He is past that point. { $cite }
after-bound = A study from many countries found that more than { $value } of boys were alive { $span } after a transplant. This is a lower limit, so the true number may be higher. { $cite }
after-within = The largest study counted boys for { $span } after their transplant, and he is within that time. { $cite }
after-where = He is { $since } past his transplant. In this study, most deaths came early after the transplant.
after-where-within = He is { $since } past his transplant, in his first year after it. Most deaths after a transplant came in the first year. { $cite }
after-where-past = He is { $since } past his transplant, past his first year after it. Most deaths after a transplant came in the first year. { $cite }

## The options table
row-involves = What it involves
row-offers = What it may offer
row-found = What the studies found, out of 100
row-risks = Main risks
row-daily = Daily life
row-unknown = What nobody knows yet
b-daily = Like C until the transplant, then like A.
options-clocks = Each number counts from its own starting point: for A from the day of the transplant, for C from birth. So the numbers cannot be compared directly.
found-after = Of 100 boys who had a transplant (all ages at HSCT), { $boys } were alive { $span } later.
found-counted = { " " }The study counted { $n } boys.
found-counted-without = { " " }The study counted { $n } boys without HSCT.
found-without = Of 100 boys in Japan without a transplant, { $boys } were alive at { $age } of age.
found-without-followed = { " " }How many were still being followed at { $age } is not known. { $cite }
not-published = No number out of 100 is published for waiting.
older-better = In the largest study, children younger than { $years } at the transplant had better results. { $cite }
japan-timing = A study from Japan compared { $young } boys who had a transplant at age { $years } or younger with { $old } who had it later. The younger group had better results. { $cite }{ " " }
died-after = { " " }In the largest study, { $died } of 100 boys had died within { $span } of the transplant. { $cite }
liver-first = { " " }In one small study, { $percent } of boys had liver disease by { $age } of age.
liver-second = { " " }By { $age } it was { $percent }
liver-next = , and by { $age } it was { $percent }
liver-end = .
liver-caveat = { " " }These were boys without cancer; how many is not given. { $cite }
calc-whole-boys = { $percent } as whole boys
calc-minus = 100 minus { $percent }
disagree-lead = <b>Studies do not all agree. </b>
disagree-japan = A study from Japan
disagree-japan-n = { " " }of { $n } boys
disagree-japan-found = { " " }found that more boys were alive with a transplant than without. { $cite } But a boy had to live long enough to have a transplant, and this makes a transplant look better.{ " " }
disagree-intl = A larger study from many countries
disagree-intl-n = { " " }({ $all } boys, { $part } of them with a transplant)
disagree-intl-found = { " " }found no clear difference in survival with or without a transplant. { $cite }

## More about XHIM
group-condition = The condition
group-care = Current care
group-hsct = A stem cell transplant
group-donors = Donors
group-newer = Newer treatments
group-guidelines = Guidelines
general-mark = { " " }(This is true in general, not only for XHIM.)

## His own health
record-incomplete = His record is not complete yet, so this part is left out.
he-has = <b>He has { $condition }. </b>
no-conditions = No organ damage or long-lasting infection is recorded for him.
condition-liver = liver disease
condition-sclerosing = sclerosing cholangitis, a disease of the bile ducts in the liver
condition-lung = lung damage
condition-crypto = had Cryptosporidium, a germ that causes diarrhoea
condition-pneumocystis = had Pneumocystis pneumonia, a lung infection
condition-infections = infections that keep coming back or last a long time
condition-neutropenia = at times too few neutrophils, a kind of white blood cell
donor-sibling = He has a brother or sister who is a full tissue match.
donor-unrelated = He has a matched donor who is not related to him.
donor-mismatched = His only donor is not a full match: half-matched (haploidentical) or mismatched.
donor-none = No donor has been found for him yet.
study-largest = In the largest study
study-many = In a study from many countries
study-europe = In a European study
study-of = { " " }of { $n } { $who }
who-transplanted = boys who had a transplant
who-boys = boys
found-sclerosing = , sclerosing cholangitis was the biggest risk factor for a transplant. { $cite }
found-organ = , damage to the organs before the transplant made results worse. { $cite }
found-liver = , boys with liver disease were more likely to die. { $cite }
found-lung = , lung damage before the transplant was the biggest risk factor. { $cite }
found-colon = :{ " " }
found-older-infections = In the study from Japan, long-lasting infections and serious organ damage were common in boys older than 6. { $cite }
donor-found-sibling = In the largest study, after the year 2000, more boys survived with a matched donor. Results were best with a matched brother or sister. { $cite }
donor-found-unrelated = In the largest study, after the year 2000, more boys survived with a matched donor. { $cite }
donor-found-mismatched = In the largest study, after the year 2000, more boys survived with a matched donor than without one. { $cite }
age-now = He is { $age } old.
age-inside = He is { $age } old. His { $birthday } birthday is { $remaining } away.
age-past = He is { $age } old. He is past his { $birthday } birthday and younger than { $older }.
past-six = Boys older than 6 had transplants too. In the largest study, children younger than { $years } at the transplant had better results. That study drew its line at { $years }, not at 6. { $cite }
sc-help = <b>What can help: </b>
japan-authors = { " " }The authors thought age { $years } or younger is the best time. They found long-lasting infections and serious organ damage were common in boys older than { $older }. { $cite }
planned-on = A transplant is planned on { $date }, at { $age }.
planned-at = A transplant is planned at { $age }.
planned-unset = A transplant is planned; no date is set yet.
diagnosed = He was diagnosed { $since } ago. In the largest study, more boys survived when the transplant came within 2 years of diagnosis. { $cite }

## What matters and steps
what-matters-intro = How much does each of these matter to your family? There are no right or wrong answers. This aid does not add up your answers, and it does not choose for you.
importance-not = Not important
importance-somewhat = Somewhat important
importance-very = Very important
step-learn = Learn about the options.
step-think = Think about what matters most to your family.
step-questions = Write down your questions.
step-decide = Decide together with the transplant team.
change-mind = You can change your mind at any time, and talk about it again with the team.
sure-heading = Are you ready to decide?
sure-1 = Do you feel sure about the best choice for your son?
sure-2 = Do you know the good and bad points of each option?
sure-3 = Are you clear about which good and bad points matter most to you?
sure-4 = Do you have enough support and advice to make a choice?
sure-after = If you answered no to any of these, tell the team. More time or more facts can help. (SURE test: Légaré 2010)
role-heading = How much do you want to lead the decision?
role-1 = We want to decide ourselves, after we hear what the team thinks.
role-2 = We want to decide together with the team.
role-3 = We want the team to decide, after they hear what we think.
role-after = Any of these is fine. Tell the team which one fits you. (Degner 1997)
others-heading = Who else is part of this?
others = Who else will help you decide? Does anyone press you towards one option? If so, you can tell the team.
support-heading = Where to find support
support-intro = Groups of families and experts offer help and information:
support-idf = Immune Deficiency Foundation (USA): primaryimmune.org;
support-higm = Hyper IgM Foundation: hyperigm.org;
support-uk = Immunodeficiency UK: immunodeficiencyuk.org
support-centre = Your centre: { $contact }

## Pictures of 100 boys
pictures-after = The picture shows 100 boys. It answers one question. It counts from the day of the transplant.
pictures-before = Each picture shows 100 boys. Each answers its own question, from its own study, counted from its own starting point. So the pictures cannot be compared icon by icon.
icons-person = People
icons-abstract = Squares
array-after-heading = After a transplant
array-after-question = Of 100 boys who had a transplant, at any age, how many were alive { $span } later?
array-after-alive = { $alive } were alive { $span } later.
array-after-died = { $died } had died by then.
array-after-clock = Counted from the day of the transplant.
array-who = Who was counted:{ " " }
array-who-n = { $n } boys
array-who-boys = boys
array-with-xhim = { " " }with XHIM
array-era = { " " }({ $era })
era-transplants = transplants { $years }
era-diagnosed = diagnosed { $years }
array-all-ages = , all ages at HSCT. { $cite }
array-after-note = This is what happened to a group of boys, not a forecast for him. The study did not give a number for each age. Care has changed since then.
array-without-heading = Without a transplant
array-without-question = Of 100 boys in Japan who did not have a transplant, how many were alive at { $age } of age?
array-without-alive = { $alive } were alive at { $age } of age.
array-without-died = { $died } had died before then.
array-without-clock = Counted from birth.
array-who-n-without = { $n } boys without HSCT
array-who-without = boys without HSCT
array-in-study = , in a study of { $n } boys
array-in-japan = { " " }in Japan. { $cite }
array-followed = We do not know how many were still followed at { $age }. So this number is uncertain.
array-small = It is a small group. The true number could be quite different.

## Inheritance
child-son = Son
child-daughter = Daughter
status-affected = has the condition
status-carrier = carrier
status-unaffected = not affected, not a carrier
inherit-intro = The gene is on the X chromosome. Boys have one X, so one changed copy causes the condition. Girls have two, so they are most often carriers who stay well.
parent-mother = A mother who is a carrier
parent-father = A father who has the condition
mother-sons = Each son has a { $one } in { $two } chance of having the condition.
mother-daughters = Each daughter has a { $one } in { $two } chance of being a carrier.
father-daughters = All his daughters are carriers.
father-sons = None of his sons has the condition.
key-male-affected = male with the condition
key-female-carrier = female carrier
key-male-unaffected = male, not affected
key-female-unaffected = female, not a carrier
inherit-key = Squares are males and circles are females. Filled: has the condition. Dot: carrier. Empty: neither.
inherit-genetics = The genetics team can talk with you about carrier tests and options in a pregnancy.
inherit-not-your-fault = Nothing you did or did not do caused this. Nobody chooses a change in a gene.

## About this aid
about-for-label = What it is for
about-for = It helps a family and their care team talk about a stem cell transplant for a boy with XHIM. It shows what studies found. It does not tell you what to do.
about-who-label = Who made it
about-who = The xhim-aid project wrote it from the published sources listed here. It had no funding. Its authors have no conflicts of interest.
about-evidence-label = The evidence
about-evidence = The plain statements were last checked against their sources on { $reviewed }. The list of sources gives the date of each one.
about-unknown-date = an unknown date
about-version = Evidence version: { $version }
about-updates-label = Keeping it up to date
about-updates = Before each new version, the sources are checked again and new studies are added. Tests check every number against the published value. Each saved file and each handout records the evidence version it used.
about-error-label = If you find an error
about-error = Please tell the team who gave you this aid, or report it on the project's issue tracker.
about-limits-label = Its limits
about-limits = It has not yet been tested with families. There is no guideline written just for XHIM. The studies are small and look back at boys treated years ago, so results for one boy may be different. Some statements are about transplants in general, and they say so.
about-translation-label = The translation
about-translation = Translated by the xhim-aid team; not yet reviewed by a native-speaking clinician.
about-translation-reviewed = Translated by the xhim-aid team and reviewed by { $reviewer }.
about-translations = The family pages in Japanese and Spanish were translated by the xhim-aid team; not yet reviewed by a native-speaking clinician.

## Words around the family's own answers and his findings on screen
doc-concerns-him = <b>Concerns him: </b>
doc-your-answer = Your answer:{ " " }
doc-not-rated = Not rated

## The family's own questions on screen
own-question-field = Your own question
own-question-add = Add question
own-question-remove = Remove question: { $question }

## What a screen reader hears for a picture of 100 boys
icons-described = Picture of { $total } boys.
