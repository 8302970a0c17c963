# Las páginas para la familia, en español. El original es en/family.ftl.
# { $name } es un número o una cita que el programa pone con su fuente.
# <b>…</b> es negrita. Frases cortas y palabras sencillas; trato de usted.

## Títulos
heading-choice = La decisión que tienen delante
heading-life-after = La vida después de su trasplante
heading-situation = Lo que su propia salud significa para la decisión
heading-situation-after = Su propia salud
heading-options = Las opciones, una al lado de otra
heading-pictures = De cada 100 niños
heading-what-matters = Lo que importa a su familia
heading-steps = Pasos y preguntas
heading-questions = Preguntas para el equipo
heading-leaning = ¿Hacia dónde se inclinan ahora?
heading-condition = Más sobre el XHIM y sus cuidados
heading-inheritance = Cómo se hereda el XHIM
heading-sources = Fuentes
heading-about = Sobre esta ayuda
text-not-loaded = No se pudo cargar el texto para la familia: { $error }

## La decisión
option-a = Un trasplante pronto, con el donante que hay.
option-b = El tratamiento de ahora, y un trasplante más tarde.
option-c = El tratamiento de ahora, sin trasplante.
leaning-a = A: un trasplante pronto
leaning-b = B: el tratamiento de ahora, un trasplante más tarde
leaning-c = C: el tratamiento de ahora, sin trasplante
leaning-unsure = Aún no lo sé
choice-decision = <b>La decisión: </b>si su hijo recibe un trasplante de células madre (de médula ósea), y cuándo.{ " " }
choice-three = Hay tres opciones:
choice-no-hurry = No tienen que decidir hoy. Hay tiempo para pensar y para preguntar. Pueden volver a hablar de esto con el equipo más tarde.

## Después del trasplante
after-when = Su hijo recibió un trasplante de células madre a los { $age }.
after-since = { " " }De eso hace { $since }.
after-past = El estudio más grande siguió a los niños durante { $span } después del trasplante. Su hijo ya pasó ese punto. { $cite }
after-bound = Un estudio de muchos países halló que más del { $value } de los niños vivían { $span } tras el trasplante. Es un límite bajo: el número real puede ser mayor. { $cite }
after-within = El estudio más grande siguió a los niños durante { $span } después del trasplante. Su hijo está dentro de ese tiempo. { $cite }
after-where = Su hijo lleva { $since } desde el trasplante. En este estudio, la mayoría de las muertes fueron pronto tras el trasplante.
after-where-within = Su hijo lleva { $since } desde el trasplante: está en su primer año. La mayoría de las muertes tras un trasplante fue en el primer año. { $cite }
after-where-past = Su hijo lleva { $since } desde el trasplante: ya pasó su primer año. La mayoría de las muertes tras un trasplante fue en el primer año. { $cite }

## La tabla de opciones
row-involves = En qué consiste
row-offers = Qué puede ofrecer
row-found = Qué encontraron los estudios, de cada 100
row-risks = Riesgos principales
row-daily = La vida diaria
row-unknown = Lo que nadie sabe aún
b-daily = Como C hasta el trasplante, y luego como A.
options-clocks = Cada número cuenta desde su propio punto de partida: A desde el día del trasplante, C desde el nacimiento. Por eso no se pueden comparar tal cual.
found-after = De cada 100 niños con trasplante (a cualquier edad del trasplante), { $boys } seguían vivos { $span } después.
found-counted = { " " }El estudio contó { $n } niños.
found-counted-without = { " " }El estudio contó { $n } niños sin trasplante.
found-without = De cada 100 niños en Japón sin trasplante, { $boys } seguían vivos a los { $age } de edad.
found-without-followed = { " " }No se sabe a cuántos seguían todavía a los { $age }. { $cite }
not-published = No hay un número publicado de cada 100 para esperar.
older-better = En el estudio más grande, los niños con menos de { $years } al trasplante tuvieron mejores resultados. { $cite }
japan-timing = Un estudio de Japón comparó { $young } niños con trasplante a los { $years } o antes con { $old } que lo tuvieron más tarde. El grupo más joven tuvo mejores resultados. { $cite }{ " " }
died-after = { " " }En el estudio más grande, { $died } de cada 100 niños murieron en los { $span } tras el trasplante. { $cite }
liver-first = { " " }En un estudio pequeño, el { $percent } de los niños tenía una enfermedad del hígado a los { $age } de edad.
liver-second = { " " }A los { $age } era el { $percent }
liver-next = , y a los { $age } era el { $percent }
liver-end = .
liver-caveat = { " " }Eran niños sin cáncer; no se dice cuántos. { $cite }
calc-whole-boys = de { $percent }
calc-minus = 100 menos { $percent }
disagree-lead = <b>Los estudios no siempre coinciden. </b>
disagree-japan = Un estudio de Japón
disagree-japan-n = { " " }con { $n } niños
disagree-japan-found = { " " }encontró más niños vivos con trasplante que sin él. { $cite } Pero un niño tenía que vivir lo bastante para llegar al trasplante. Eso hace que el trasplante parezca mejor.{ " " }
disagree-intl = Un estudio mayor de muchos países
disagree-intl-n = { " " }({ $all } niños, { $part } con trasplante)
disagree-intl-found = { " " }no vio una diferencia clara en la supervivencia con o sin trasplante. { $cite }

## Más sobre el XHIM
group-condition = La enfermedad
group-care = El tratamiento de ahora
group-hsct = Un trasplante de células madre
group-donors = Donantes
group-newer = Tratamientos nuevos
group-guidelines = Guías
general-mark = { " " }(Esto vale en general, no solo para el XHIM.)

## Su propia salud
record-incomplete = Su historia aún no está completa, así que esta parte no se muestra.
he-has = <b>Su hijo tiene { $condition }. </b>
no-conditions = No consta daño en órganos ni una infección que dure mucho.
condition-liver = una enfermedad del hígado
condition-sclerosing = colangitis esclerosante, una enfermedad de los conductos biliares del hígado
condition-lung = daño en los pulmones
condition-crypto = antecedentes de Cryptosporidium, un parásito que causa diarrea
condition-pneumocystis = antecedentes de neumonía por Pneumocystis, una infección del pulmón
condition-infections = infecciones que vuelven o que duran mucho
condition-neutropenia = a veces pocos neutrófilos, un tipo de glóbulo blanco
donor-sibling = Tiene un hermano o una hermana compatible.
donor-unrelated = Tiene un donante compatible que no es de la familia.
donor-mismatched = Su único donante no es del todo compatible: un familiar compatible a medias o un donante no compatible.
donor-none = Aún no se ha encontrado un donante.
study-largest = En el estudio más grande
study-many = En un estudio de muchos países
study-europe = En un estudio europeo
study-of = { " " }de { $n } { $who }
who-transplanted = niños con trasplante
who-boys = niños
found-sclerosing = , la colangitis esclerosante fue lo que más aumentó el riesgo del trasplante. { $cite }
found-organ = , el daño en órganos antes del trasplante empeoró los resultados. { $cite }
found-liver = , los niños con una enfermedad del hígado murieron más a menudo. { $cite }
found-lung = , el daño en los pulmones antes del trasplante fue lo que más aumentó el riesgo. { $cite }
found-colon = :{ " " }
found-older-infections = En el estudio de Japón, las infecciones largas y el daño grave en órganos eran frecuentes en niños de más de 6 años. { $cite }
donor-found-sibling = En el estudio más grande, después del año 2000, sobrevivieron más niños con un donante compatible. Los mejores resultados fueron con un hermano o una hermana compatible. { $cite }
donor-found-unrelated = En el estudio más grande, después del año 2000, sobrevivieron más niños con un donante compatible. { $cite }
donor-found-mismatched = En el estudio más grande, después del año 2000, sobrevivieron más niños con un donante compatible que sin él. { $cite }
age-now = Su hijo tiene { $age }.
age-inside = Su hijo tiene { $age }. Faltan { $remaining } para su cumpleaños número { $birthday }.
age-past = Su hijo tiene { $age }. Ya pasó su cumpleaños número { $birthday } y tiene menos de { $older } años.
past-six = Niños de más de 6 años también recibieron trasplantes. En el estudio más grande, los niños con menos de { $years } al trasplante tuvieron mejores resultados. Ese estudio puso el límite en { $years }, no en 6. { $cite }
sc-help = <b>Lo que puede ayudar: </b>
japan-authors = { " " }Los autores pensaron que a los { $years } o antes es el mejor momento. Vieron que las infecciones largas y el daño grave en órganos eran frecuentes en niños de más de { $older } años. { $cite }
planned-on = Hay un trasplante previsto el { $date }, a los { $age }.
planned-at = Hay un trasplante previsto a los { $age }.
planned-unset = Hay un trasplante previsto; aún no tiene fecha.
diagnosed = Le diagnosticaron hace { $since }. En el estudio más grande, sobrevivieron más niños cuando el trasplante fue en los 2 años tras el diagnóstico. { $cite }

## Lo que importa y los pasos
what-matters-intro = ¿Cuánto importa cada una de estas cosas a su familia? No hay respuestas buenas ni malas. Esta ayuda no suma sus respuestas y no decide por ustedes.
importance-not = No es importante
importance-somewhat = Algo importante
importance-very = Muy importante
step-learn = Conocer las opciones.
step-think = Pensar en lo que más importa a su familia.
step-questions = Escribir sus preguntas.
step-decide = Decidir junto con el equipo de trasplante.
change-mind = Pueden cambiar de idea en cualquier momento y volver a hablarlo con el equipo.
sure-heading = ¿Están listos para decidir?
sure-1 = ¿Se sienten seguros de cuál es la mejor opción para su hijo?
sure-2 = ¿Conocen lo bueno y lo malo de cada opción?
sure-3 = ¿Tienen claro qué les importa más de lo bueno y lo malo?
sure-4 = ¿Tienen suficiente apoyo y consejo para elegir?
sure-after = Si respondieron que no a alguna, díganselo al equipo. Más tiempo o más datos pueden ayudar. (Prueba SURE: Légaré 2010)
role-heading = ¿Cuánto quieren llevar ustedes la decisión?
role-1 = Queremos decidir nosotros, después de oír lo que piensa el equipo.
role-2 = Queremos decidir junto con el equipo.
role-3 = Queremos que decida el equipo, después de oír lo que pensamos.
role-after = Cualquiera está bien. Digan al equipo cuál les va mejor. (Degner 1997)
others-heading = ¿Quién más forma parte de esto?
others = ¿Quién más les ayudará a decidir? ¿Alguien les presiona hacia una opción? Si es así, pueden decírselo al equipo.
support-heading = Dónde encontrar apoyo
support-intro = Grupos de familias y de expertos ofrecen ayuda e información:
support-idf = Immune Deficiency Foundation (EE. UU.): primaryimmune.org;
support-higm = Hyper IgM Foundation: hyperigm.org;
support-uk = Immunodeficiency UK: immunodeficiencyuk.org
support-centre = Su centro: { $contact }

## Dibujos de 100 niños
pictures-after = El dibujo muestra 100 niños. Responde a una sola pregunta. Cuenta desde el día del trasplante.
pictures-before = Cada dibujo muestra 100 niños. Cada uno responde a su propia pregunta, de su propio estudio, y cuenta desde su propio punto de partida. Por eso no se pueden comparar figura por figura.
icons-person = Personas
icons-abstract = Cuadrados
array-after-heading = Después de un trasplante
array-after-question = Niños con trasplante, a cualquier edad del trasplante. De cada 100, ¿cuántos seguían vivos { $span } después?
array-after-alive = De esos 100, { $alive } seguían vivos { $span } después.
array-after-died = Y { $died } habían muerto para entonces.
array-after-clock = Se cuenta desde el día del trasplante.
array-who = A quién se contó:{ " " }
array-who-n = { $n } niños
array-who-boys = niños
array-with-xhim = { " " }con XHIM
array-era = { " " }({ $era })
era-transplants = trasplantes de { $years }
era-diagnosed = diagnóstico de { $years }
array-all-ages = , a cualquier edad del trasplante. { $cite }
array-after-note = Esto es lo que pasó a un grupo de niños, no una predicción para su hijo. El estudio no dio un número para cada edad. Los cuidados han cambiado desde entonces.
array-without-heading = Sin trasplante
array-without-question = Niños en Japón sin trasplante. De cada 100, ¿cuántos seguían vivos a los { $age } de edad?
array-without-alive = De esos 100, { $alive } seguían vivos a los { $age } de edad.
array-without-died = Y { $died } habían muerto antes.
array-without-clock = Se cuenta desde que nació.
array-who-n-without = { $n } niños sin trasplante
array-who-without = niños sin trasplante
array-in-study = , en un estudio de { $n } niños
array-in-japan = { " " }en Japón. { $cite }
array-followed = No sabemos a cuántos seguían todavía a los { $age }. Por eso este número es incierto.
array-small = Es un grupo pequeño. El número real podría ser muy distinto.

## Herencia
child-son = Hijo
child-daughter = Hija
status-affected = tiene la enfermedad
status-carrier = portadora
status-unaffected = ni enfermo ni portador
inherit-intro = El gen está en el cromosoma X. Los niños tienen un solo X, así que una copia cambiada causa la enfermedad. Las niñas tienen dos, y casi siempre son portadoras sanas.
parent-mother = Una madre portadora
parent-father = Un padre con la enfermedad
mother-sons = Cada hijo tiene { $one } posibilidad de cada { $two } de tener la enfermedad.
mother-daughters = Cada hija tiene { $one } posibilidad de cada { $two } de ser portadora.
father-daughters = Todas sus hijas son portadoras.
father-sons = Ninguno de sus hijos tiene la enfermedad.
key-male-affected = varón con la enfermedad
key-female-carrier = mujer portadora
key-male-unaffected = varón sano
key-female-unaffected = mujer no portadora
inherit-key = Los cuadrados son varones y los círculos mujeres. Relleno: tiene la enfermedad. Punto: portadora. Vacío: ninguna de las dos.
inherit-genetics = El equipo de genética puede hablar con ustedes de las pruebas de portadora y de las opciones en un embarazo.
inherit-not-your-fault = Nada de lo que ustedes hicieron o dejaron de hacer causó esto. Nadie elige un cambio en un gen.

## Sobre esta ayuda
about-for-label = Para qué sirve
about-for = Ayuda a una familia y a su equipo a hablar de un trasplante de células madre para un niño con XHIM. Muestra lo que encontraron los estudios. No le dice qué hacer.
about-who-label = Quién la hizo
about-who = El proyecto xhim-aid la escribió a partir de las fuentes publicadas que aquí se citan. No tuvo financiación. Sus autores no tienen conflictos de intereses.
about-evidence-label = Las pruebas
about-evidence = Las frases se compararon con sus fuentes por última vez el { $reviewed }. La lista de fuentes da la fecha de cada una.
about-unknown-date = una fecha desconocida
about-version = Versión de las pruebas: { $version }
about-updates-label = Cómo se pone al día
about-updates = Antes de cada versión nueva, se revisan las fuentes y se añaden estudios nuevos. Unas pruebas comparan cada número con el valor publicado.
about-error-label = Si encuentra un error
about-error = Díganselo al equipo que les dio esta ayuda, o escríbalo en la página de problemas del proyecto.
about-limits-label = Sus límites
about-limits = Aún no se ha probado con familias. No hay una guía escrita solo para el XHIM. Los estudios son pequeños y miran atrás, a niños tratados hace años. Por eso los resultados de un niño pueden ser distintos.
about-translation-label = La traducción
about-translation = Traducido por el equipo de xhim-aid; aún no lo ha revisado un médico nativo.
about-translation-reviewed = Traducido por el equipo de xhim-aid y revisado por { $reviewer }.
about-translations = Las páginas para la familia en japonés y en español las tradujo el equipo de xhim-aid; aún no las ha revisado un médico nativo.

## Palabras junto a las respuestas de la familia y lo que le concierne, en pantalla
doc-concerns-him = <b>Le concierne: </b>
doc-your-answer = Su respuesta:{ " " }
doc-not-rated = Sin responder

## Las preguntas propias de la familia, en pantalla
own-question-field = Su propia pregunta
own-question-add = Añadir pregunta
own-question-remove = Quitar la pregunta: { $question }

## Lo que oye un lector de pantalla en un dibujo de 100 niños
icons-described = Dibujo de { $total } niños.
