# Traducción de las frases de assets/family/statements.ron. Las claves son
# st-(id de la frase), value-(id), question-(número) y question-after-(número).
# Solo los mismos números que la frase en inglés (una prueba lo comprueba).

## La enfermedad
st-choice-condition = El XHIM es una enfermedad del sistema inmune que se hereda en la familia. Casi solo afecta a los niños varones. Su cuerpo hace muy pocos anticuerpos de casi todo tipo, así que tiene infecciones con facilidad. Con los años, pueden dañarse sus pulmones y su hígado.
st-condition-what = El síndrome de hiper-IgM ligado al X (XHIM) es una enfermedad del sistema inmune que se hereda en la familia. Casi solo afecta a los niños varones.
st-condition-cause = Un cambio en un gen impide que sus células de defensa pasen una señal. Por eso su cuerpo hace muy pocos anticuerpos, las proteínas que luchan contra los gérmenes.
st-condition-varies = Lo grave que es varía, incluso dentro de una misma familia.
st-condition-start = La mayoría de los niños enferma por primera vez de bebé o de muy pequeño.
st-condition-infections = Lo típico son infecciones repetidas del pecho, de los senos nasales y de los oídos. Una infección del pulmón, la neumonía por Pneumocystis, es común en el primer año. La diarrea puede durar mucho, a menudo por un germen llamado Cryptosporidium, un parásito.
st-condition-neutrophils = Cerca de la mitad de los niños tiene a veces pocos neutrófilos, un tipo de glóbulo blanco. Esto puede causar llagas en la boca e infecciones de la piel. Un medicamento llamado G-CSF suele ayudar.
st-condition-liver = Cryptosporidium puede llegar a los conductos biliares del hígado. Allí puede causar colangitis esclerosante, una enfermedad grave del hígado que puede ser mortal.
st-condition-cancer = Los niños con XHIM tienen más riesgo de algunos cánceres, sobre todo del hígado y de los conductos biliares.

## El tratamiento de ahora
st-care-infusions = El tratamiento de ahora empieza con infusiones de anticuerpos (inmunoglobulinas). Van a la vena cada 3–4 semanas, o bajo la piel cada semana.
st-care-medicines = El tratamiento de ahora también incluye un antibiótico para prevenir la neumonía por Pneumocystis. Incluye G-CSF cuando hay pocos neutrófilos, y tratar pronto cualquier infección.
st-care-water = La Hyper IgM Foundation aconseja beber solo agua hervida, o agua de un filtro de ósmosis inversa. También aconseja no bañarse en lagos ni en piscinas compartidas. Así baja el riesgo de Cryptosporidium. Pide a las familias que acuerden los detalles con su médico.
st-care-checks = Los médicos revisan su sangre, sus pulmones, sus heces para buscar Cryptosporidium y cómo crece. También revisan su hígado y sus conductos biliares con análisis y una ecografía.
st-care-home = Una vez empiezan las infusiones, los ingresos por una infección grave son poco frecuentes. Las infusiones se pueden poner en la consulta o en casa.
st-care-long-term = El tratamiento de ahora ayuda a los niños a pasar la infancia. Pero el daño en los pulmones y el hígado puede crecer con la edad. Los expertos dicen que, solo con este tratamiento, vivir muchos años es difícil.
st-care-liver-less = La enfermedad del hígado puede ser menos común ahora que los médicos buscan Cryptosporidium y lo tratan.
st-care-years = Con algunas enfermedades del sistema inmune, la gente vive años o décadas con el tratamiento de ahora. Por eso la decisión sobre un trasplante puede ser difícil.

## Un trasplante de células madre
st-hsct-cure = Hoy, un trasplante de células madre es el único tratamiento que puede curar el XHIM.
st-hsct-how = Un trasplante cambia las células madre que hacen su sangre por las de un donante. Primero recibe quimioterapia. Así deja sitio a las células del donante y ayuda a que no las rechace.
st-donor-kinds = Un donante puede ser un hermano o una hermana compatible, o un voluntario compatible que no es de la familia. También se puede usar sangre del cordón umbilical, o un padre o familiar compatible a medias.
st-donor-results = Con un donante compatible que no es de la familia, los resultados ya son casi como con un familiar compatible. Con donantes compatibles a medias, se acercan en centros con experiencia.
st-donor-sibling-chance = Cada hermano o hermana de los mismos padres tiene 1 posibilidad de cada 4 de ser compatible.
st-donor-carrier = En el XHIM, un hermano puede tener la enfermedad también, y una hermana puede ser portadora. Aún se estudia si una hermana portadora puede ser la donante. En un informe pequeño, las células nuevas prendieron en 4 de 4 niños con donantes portadoras.
st-donor-typing = GeneReviews aconseja hacer el estudio de compatibilidad a toda persona con XHIM al diagnosticarla. Así se puede empezar a buscar un donante.
st-hsct-hospital = Un trasplante supone semanas en el hospital, casi siempre en una habitación sola que aleja los gérmenes. Un hospital infantil dice que la mayoría de los niños vuelve a casa 30–40 días después. Una asociación de pacientes dice 6–8 semanas de media, a veces más.
st-hsct-dangers = Los principales peligros tempranos de un trasplante son las infecciones graves y la enfermedad injerto contra huésped. Otro peligro es que las células nuevas no prendan.
st-hsct-deaths = Tras los trasplantes por XHIM, las infecciones fueron la causa principal de muerte, sobre todo al principio.
st-gvhd = En la enfermedad injerto contra huésped, las células de defensa del donante atacan el cuerpo del niño. Atacan sobre todo la piel, el hígado y el intestino. Cuanto más compatible, menos riesgo.
st-rejection = En el XHIM, la mayoría de los rechazos fueron tras un tratamiento previo más suave.
st-damage-risk = El daño que ya existe hace más arriesgado el trasplante. Sobre todo la colangitis esclerosante en el hígado y el daño en los pulmones.
st-crypto-deaths = Una infección grave por Cryptosporidium tuvo que ver en 6 de las 12 muertes.
st-fertility = La quimioterapia puede afectar la fertilidad y las hormonas más adelante. A los chicos que ya pasaron la pubertad se les puede ofrecer guardar semen. En niños más pequeños, congelar tejido de los testículos aún es experimental.
st-follow-up = Tras un trasplante, los niños necesitan revisiones durante muchos años, a menudo toda la vida. Algunos efectos aparecen años después.
st-still-infusions = Algunos niños con XHIM aún necesitan infusiones de anticuerpos tras un trasplante.
st-shared-decision = Los expertos aconsejan que la familia y el equipo tomen juntos la decisión del trasplante. Piensan en la fertilidad, la escuela y la calidad de vida. También aconsejan hacerlo en un centro con mucha experiencia.

## Tratamientos nuevos
st-gene-editing-lab = En el laboratorio, la edición de genes ha corregido el gen cambiado en células de defensa de niños con XHIM. Un método antiguo causó bultos en ratones. Por eso los investigadores intentan mantener el control normal del gen.
st-gene-editing-future = Los expertos creen que la edición de genes quizá se use un día para el XHIM. No encontramos resultados publicados de terapia génica ni de edición de genes en niños con XHIM.

## Guías
st-no-guideline = No hay una guía escrita solo para el XHIM. Los consejos de GeneReviews se basan en la experiencia de sus autores.
st-us-guideline = Una guía general de EE. UU. para enfermedades del sistema inmune aconseja un medicamento para prevenir Pneumocystis a todos los niños con XHIM. También aconseja pensar en un trasplante.

## Frases cortas para la tabla
st-a-involves = Primero quimioterapia, luego las células madre del donante cambian las suyas. Semanas en el hospital, casi siempre en una habitación sola.
st-b-involves = El tratamiento de ahora, como en C. Un trasplante más tarde, cuando ustedes y el equipo lo decidan.
st-c-involves = Infusiones de anticuerpos cada 3–4 semanas, o cada semana bajo la piel. Un antibiótico para prevenir Pneumocystis. Revisiones regulares.
st-a-offers = Hoy, el único tratamiento que puede curar el XHIM. Tras un trasplante, algunos niños ya no necesitan infusiones de anticuerpos.
st-b-offers = Los peligros tempranos del trasplante se dejan para más tarde. Hay tiempo para buscar un donante y para seguir la investigación nueva.
st-c-offers = Sin trasplante, y sin sus peligros tempranos. El tratamiento de ahora ayuda a pasar la infancia, y las infusiones se pueden poner en casa.
st-a-risks = Infecciones graves, sobre todo al principio. En general, también que las células del donante ataquen su cuerpo o no prendan, y daño a la fertilidad.
st-b-risks = Mientras se espera, los riesgos de C. El daño que se acumula hace más arriesgado un trasplante tardío. Luego, los riesgos de A.
st-c-risks = Infecciones, y daño en pulmones e hígado que puede crecer con la edad. Más riesgo de cáncer del hígado y de los conductos biliares.
st-a-daily = Primero semanas en el hospital, luego revisiones durante años. Algunos niños aún necesitan infusiones de anticuerpos.
st-c-daily = Infusiones en la consulta o en casa. Los ingresos son poco frecuentes. Agua hervida o filtrada, como aconseja la Hyper IgM Foundation.
st-a-unknown = No encontramos resultados publicados sobre fertilidad, calidad de vida o tiempo en el hospital tras un trasplante por XHIM.
st-b-unknown = Si los tratamientos nuevos, como la edición de genes, ayudarán. No encontramos resultados publicados en niños con XHIM.
st-c-unknown = Cada cuánto hay que revisar el hígado: no encontramos consejos publicados. La enfermedad del hígado puede ser menos común.

## Lo que importa
value-early-risk = Evitar los peligros tempranos de un trasplante, como una infección grave.
value-harm-over-years = Bajar el riesgo de infecciones y de daño en el hígado con los años.
value-stop-infusions = Una posibilidad de dejar las infusiones regulares de anticuerpos.
value-time-apart = Evitar semanas en el hospital y tiempo separados como familia.
value-act-young = Actuar mientras es pequeño.
value-wait-for-more = Esperar más información, un donante más compatible o un tratamiento nuevo.

## Preguntas
question-1 = ¿Qué supondría un trasplante para él, con el donante que tiene?
question-2 = ¿Qué problemas de su salud hacen más arriesgado un trasplante para él?
question-3 = Si esperamos, ¿a qué debemos estar atentos, y cuándo volvemos a hablar?
question-4 = ¿Cuánto tiempo estaría en el hospital? ¿Podemos quedarnos con él?
question-5 = ¿Cómo podría afectar un trasplante a su fertilidad, y qué se puede hacer?
question-6 = ¿Cuántos trasplantes por enfermedades como el XHIM ha hecho este centro?
question-7 = ¿Cómo sería la vida diaria con el tratamiento de ahora mientras crece?
question-after-1 = ¿Qué revisiones necesita, y cada cuánto?
question-after-2 = ¿Aún necesita infusiones de anticuerpos?
question-after-3 = ¿A qué efectos tardíos debemos estar atentos?
question-after-4 = ¿A quién llamamos si se pone enfermo?
question-after-5 = ¿Podría el trasplante afectar a su fertilidad más adelante?
