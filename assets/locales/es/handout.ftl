# El marco del folleto para la familia y los controles de la vista familiar.

handout-doc-title = Folleto para la familia: un trasplante de células madre para el XHIM
handout-title-before = Decidir sobre un trasplante de células madre para el XHIM
handout-title-after = La vida después de un trasplante de células madre para el XHIM
handout-intro = Un folleto para la familia, hecho el { $date } con xhim-aid { $version } (pruebas de { $evidence }). Dice lo que encontraron los estudios en grupos de niños. No puede decir qué pasará a un niño, y no le dice qué hacer.
handout-from = De { $clinic }.
evidence-month = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }
page-of = Página { $page } de { $total }
disclaimer = Apoyo a la decisión basado en estudios publicados; no sustituye el juicio clínico.
sources-full = Las referencias completas están en la aplicación (Ayuda, Sobre esta ayuda) y en el informe clínico.
your-answer-label = { " " }Su respuesta:{ " " }
your-answer = { " " }(su respuesta)
own-questions = Sus propias preguntas:
own-questions-so-far = Sus preguntas hasta ahora:
family-language = Idioma de las páginas para la familia
pictures-show = Los dibujos muestran
remove = Quitar
at-most-questions = Se guardan como máximo { $max } preguntas.
