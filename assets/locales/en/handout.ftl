# The family handout's frame and the family view's own controls, in English.

handout-doc-title = Family handout: a stem cell transplant for XHIM
handout-title-before = Deciding about a stem cell transplant for XHIM
handout-title-after = Life after a stem cell transplant for XHIM
handout-intro = A handout for the family, made on { $date } with xhim-aid { $version } (evidence of { $evidence }). It tells you what studies found for groups of boys. It cannot say what will happen to one boy, and it does not tell you what to do.
handout-from = From { $clinic }.
evidence-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
page-of = Page { $page } of { $total }
disclaimer = Decision support from published cohorts; not a substitute for clinical judgement.
sources-full = The full references are in the app (Help, About this aid) and in the clinician’s report.
your-answer-label = { " " }Your answer:{ " " }
your-answer = { " " }(your answer)
own-questions = Your own questions:
own-questions-so-far = Your own questions so far:
family-language = Language of the family pages
pictures-show = Pictures show
remove = Remove
at-most-questions = At most { $max } questions are kept.
