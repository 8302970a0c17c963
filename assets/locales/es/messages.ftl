# Los mensajes de la ventana: avisos, preguntas y errores de archivo, en
# español. El original es en/messages.ftl. Las rutas, los nombres de archivo
# y el texto de error del sistema quedan como están.

# Avisos al pie de la ventana: el resumen clínico.
msg-summary-copied = Resumen clínico copiado al portapapeles.
msg-summary-not-copied = No se copió el resumen clínico: { $error }. No se copió nada, así que no pegue en la historia: el portapapeles no tiene este resumen.

# Avisos: informes, folletos y guardados escritos o rechazados.
msg-report-written = Informe escrito en { $path }.
msg-handout-written = Folleto escrito en { $path }.
msg-report-busy = Todavía se está escribiendo un informe; inténtelo de nuevo en un momento.
msg-handout-busy = Todavía se está escribiendo un folleto; inténtelo de nuevo en un momento.
msg-report-invalid = No hay informe: corrija primero los campos marcados.
msg-handout-invalid = No hay folleto: corrija primero los campos marcados.
msg-saved = { $file } guardado en { $folder }.
msg-save-failed = { $error }. No se cambió nada en el disco.
msg-save-busy = Todavía se está guardando; inténtelo de nuevo en un momento.
msg-read-only-save-new = { $file } está abierto aquí solo para lectura; guarde sus cambios como un archivo nuevo.
msg-not-saved-held = No se guardó: { $holder } tiene { $file } abierto para editar. Elija otro nombre.
msg-not-saved-invalid = No se guardó: corrija primero los campos marcados ({ $problems }).
msg-no-dialog-field = No hay un diálogo de archivos del sistema; escriba la ruta en el campo.
msg-no-dialog = No hay un diálogo de archivos del sistema; escriba la ruta.

# Avisos: abrir archivos de paciente.
msg-stopped-opening = Se dejó de abrir { $file }; el paciente actual no cambia.
msg-file-notice = { $file }: { $notice }
msg-opening = Abriendo { $file }
msg-loading-cohort = Cargando la cohorte { $file }
msg-opened = { $file } abierto.
msg-older-format = Este archivo usa la versión de formato antigua { $version }; al guardarlo se convertirá a la versión { $current }{ $log ->
    [start] {" "}y empezará su registro de cambios
   *[keep] {""}
  }.
msg-opened-with-problems = { $file }: abierto con { $n ->
    [one] 1 problema
   *[other] { $n } problemas
  } por corregir: { $problems }
msg-could-not-open = No se pudo abrir { $error }. El paciente actual no cambia.
msg-drop-wrong-file = { $file }: suelte un archivo de paciente .ron, o una figura PNG o JPEG para digitalizar.

# Avisos: archivos compartidos con otras personas, y cambios sin guardar conservados.
msg-taken-over = { $holder } tomó { $file } para editarlo. Puede seguir editando; al guardar se preguntará antes de que uno sobrescriba al otro.
msg-held-read-only = { $holder } tiene { $file } abierto para editar; se abrió solo para lectura. Guarde sus cambios como un archivo nuevo.
msg-held-read-only-left = { $holder } tiene { $file } abierto para editar, probablemente dejado por una aplicación cerrada (activa por última vez hace { $idle }); se abrió solo para lectura. Guarde sus cambios como un archivo nuevo.
msg-reloaded = Se volvió a cargar { $file } tal como está en el disco; sus cambios se descartaron.
msg-recovery-failed = No se pudieron conservar los cambios sin guardar para recuperarlos: { $error }
msg-recovery-not-deleted = No se pudieron borrar los cambios sin guardar: { $error }
msg-recovery-unavailable = Los cambios sin guardar no se pueden conservar para recuperarlos: { $error }
msg-evidence-unloadable = No se pudieron cargar las pruebas: { $error }
msg-restored-edits = Se recuperaron los cambios sin guardar de { $file }; todavía no están guardados.

# Avisos: la biblioteca de pruebas, archivos de cohorte y curvas digitalizadas.
msg-no-data-folder = Esta ventana no tiene carpeta de datos: no se puede conservar nada entre sesiones.
msg-type-export-path = Escriba primero dónde guardar el archivo de cohorte.
msg-not-full-path = «{ $path }» no es una ruta completa: escriba también la carpeta (o use el diálogo).
msg-type-cohort-path = Escriba primero la ruta de un archivo de cohorte.
msg-cohort-loaded = Cohorte «{ $label }» cargada en la biblioteca.
msg-cohort-already = «{ $label }» ya está en la biblioteca con los mismos datos; se muestra.
msg-cohort-this-run = Se muestra la cohorte «{ $label }» solo en esta sesión (Biblioteca de pruebas: Conservar en la biblioteca).
msg-cohort-load-failed = No se pudo cargar el archivo de cohorte: { $error }
msg-cohort-imported = «{ $label }» importada.
msg-cohort-digitized = «{ $label }» guardada en la biblioteca; se dibujan sus curvas.
msg-finding-unusable = No se pudo usar un resultado añadido a mano: { $error }
msg-cohorts-hidden = Cohortes ocultas; siguen en la biblioteca (Ver > Biblioteca de pruebas…).
msg-cohort-trashed = «{ $label }» movida a la papelera de la biblioteca (Restaurar en la ventana de la biblioteca).
msg-cohort-removed = «{ $label }» quitada.
msg-finding-trashed = El resultado de { $label } se movió a la papelera de la biblioteca (Restaurar en la ventana de la biblioteca).
msg-finding-removed = Se quitó el resultado de { $label }.
msg-damaged-trashed = El archivo dañado { $file } se movió a la papelera de la biblioteca.
msg-restored-from-trash = «{ $label }» restaurada desde la papelera de la biblioteca.
msg-finding-added = Se añadió un resultado de { $label }, marcado como añadido en este centro.

# El botón de los avisos, y los botones del resumen y de las pruebas sobre el gráfico.
msg-dismiss = Cerrar
msg-copy-summary = Copiar resumen
msg-show-evidence = Mostrar pruebas
msg-hide-evidence = Ocultar pruebas
msg-show-evidence-hint = Cada resultado con su fuente, junto al gráfico
msg-hide-evidence-hint = Dar al gráfico todo el ancho
msg-copy-summary-hint = Texto simple para la historia clínica

# La pregunta antes de cerrar, empezar un paciente nuevo o abrir otro archivo
# con cambios sin guardar.
dialog-unsaved-title = Cambios sin guardar
dialog-unsaved-text = { $file } tiene cambios que no están guardados. ¿Guardarlos antes de { $action ->
    [quit] cerrar la ventana
    [new] empezar un paciente nuevo
    [close] cerrar el archivo
   *[open] abrir otro archivo
  }?
dialog-save = Guardar
dialog-discard-changes = Descartar cambios
dialog-cancel = Cancelar
dialog-untitled = Paciente sin nombre

# Las preguntas antes de guardar: otro archivo en el camino, o sin edad.
dialog-replace-title = ¿Reemplazar { $file }?
dialog-replace-text = { $file } ya existe: { $about } ¿Reemplazarlo con este paciente?
dialog-replace = Reemplazar
dialog-existing-unreadable = no se puede leer ({ $error }).
dialog-existing-not-file = no es un archivo normal.
dialog-existing-not-patient = no es un archivo de paciente que esta aplicación pueda leer.
dialog-existing-patient = contiene un paciente { $age }, { $saved }.
dialog-existing-no-age = sin edad anotada
dialog-existing-aged = de { $age }
dialog-existing-bad-age = con una edad que no es válida
dialog-existing-never-saved = nunca guardado con esta aplicación
dialog-existing-saved-by = guardado por última vez por { $user } el { $at }
dialog-no-age-title = ¿Guardar sin edad?
dialog-no-age-text = No se ha anotado la edad de este paciente, así que no se le sitúa en las pruebas. ¿Guardarlo sin edad? Puede añadirla después.
dialog-save-without-age = Guardar sin edad

# La línea que se ve mientras se abre un archivo.
dialog-stop-opening = Dejar de abrir
dialog-stop-opening-hint = Dejar de esperar este archivo; el paciente actual se queda

# La ventana para escribir una ruta, cuando no hay diálogo de archivos del sistema.
dialog-path-open-title = Abrir archivo de paciente por ruta
dialog-path-save-title = Guardar archivo de paciente en una ruta
dialog-path-report-title = Escribir informe en una ruta
dialog-path-handout-title = Escribir folleto para la familia en una ruta
dialog-path-pdf = Escriba la ruta completa del PDF que se va a escribir.
dialog-path-patient = Escriba la ruta completa de un archivo de paciente .ron. También puede soltar un archivo en la ventana.
dialog-path-label = Ruta del archivo
dialog-open = Abrir

# Los diálogos de archivos del sistema: títulos y tipos de archivo.
dialog-title-open-patient = Abrir archivo de paciente
dialog-title-save-patient = Guardar archivo de paciente
dialog-title-export-report = Exportar informe
dialog-title-export-handout = Exportar folleto para la familia
dialog-title-import-csv = Importar datos de una cohorte (CSV)
dialog-title-load-cohort = Cargar archivo de cohorte
dialog-title-digitize = Digitalizar una curva publicada
dialog-title-export-cohort = Exportar archivo de cohorte
dialog-filter-patient = Archivo de paciente
dialog-filter-pdf = Documento PDF
dialog-filter-csv = CSV
dialog-filter-cohort = Archivo de cohorte
dialog-filter-figure = Imagen de figura

# La pregunta cuando un archivo está abierto para editar en otro lugar.
dialog-elsewhere-title = Abierto en otro lugar
dialog-elsewhere-text = { $holder } tiene { $file } abierto para editar.
dialog-elsewhere-advice = Ábralo solo para lectura para mirarlo sin riesgo: luego puede guardar sus cambios con otro nombre. Si usted también lo edita, la aplicación preguntará antes de que uno sobrescriba al otro.
dialog-elsewhere-left = { $file } figura abierto para editar por { $holder }, probablemente dejado por una aplicación cerrada (activa por última vez hace { $idle }).
dialog-elsewhere-left-advice = Tómelo para editarlo aquí. Si esa aplicación siguiera abierta, la aplicación preguntará antes de que uno sobrescriba al otro.
dialog-open-read-only = Abrir solo para lectura
dialog-open-for-editing = Abrir para editar de todos modos
dialog-take-over = Tomar el archivo
dialog-read-only = Solo lectura: abierto en otro lugar
dialog-read-only-hint = Al guardar se pide un nombre de archivo nuevo; el archivo queda como está.
# Quién tiene un archivo, y hace cuánto estuvo activa su aplicación.
lock-holder = { $user } en { $host } desde { $since }
lock-minutes = { $n ->
    [one] 1 minuto
   *[other] { $n } minutos
  }
lock-hours = { $n ->
    [one] 1 hora
   *[other] { $n } horas
  }
lock-days = { $n ->
    [one] 1 día
   *[other] { $n } días
  }

# La pregunta cuando otra persona cambió el archivo antes de guardar.
dialog-changed-title = Cambiado por otra persona
dialog-changed-text = { $file } cambió en el disco después de que usted lo abrió. Todavía no se ha guardado nada.
dialog-changed-text-by = { $file } cambió en el disco después de que usted lo abrió ({ $save }). Todavía no se ha guardado nada.
dialog-their-save = guardado por última vez por { $user } el { $at }
dialog-their-unreadable = La otra versión no se puede leer: { $problem }
dialog-reload-theirs = Cargar la otra versión
dialog-save-mine-as-new = Guardar la mía como archivo nuevo…
dialog-review-overwrite = Sobrescribir…
dialog-confirm-overwrite = Sobrescribir la otra versión
dialog-back = Atrás
dialog-overwrite-unreadable = Al sobrescribir se reemplaza el archivo ilegible; se conserva a su lado como archivo .bak.
dialog-overwrite-same = La otra versión tiene los mismos valores que la suya; al sobrescribir se añade su guardado a su registro.
dialog-overwrite-changes = Al sobrescribir cambian { $n } valor(es) de la otra versión:
dialog-overwrite-kept = Los guardados y cambios de la otra persona quedan en el registro; el otro archivo se conserva como archivo .bak.
dialog-change-theirs = { $field }: la otra { $old }, la suya { $new }

# La oferta de recuperar cambios de una ventana que se cerró sin guardar.
dialog-recovery-title = Cambios sin guardar de una sesión anterior
dialog-recovery-text = La aplicación se cerró sin guardar los cambios de { $file }. Se conservaron.
dialog-recovery-text-at = La aplicación se cerró sin guardar los cambios de { $file }. Se conservaron el { $at }.
dialog-recovery-problem = No se pueden recuperar: { $problem }
dialog-recovery-same = Coinciden con el archivo guardado.
dialog-recovery-compared = Comparados con el archivo guardado:
dialog-change-edited = { $field }: guardado { $old }, editado { $new }
dialog-restore-edits = Recuperar cambios
dialog-discard-edits = Descartar los cambios
dialog-recovery-untitled = un paciente sin nombre
dialog-recovery-saved-since = { $file } se volvió a guardar después de empezar estos cambios; al guardar se preguntará qué versión conservar.
dialog-recovery-unreadable = { $file } no se puede leer ahora; los cambios se muestran frente a la versión de la que partieron.
dialog-recovery-not-valid = Aún no válido
dialog-recovery-as-typed = tal como se escribió: { $problem }

# Errores al leer un archivo de paciente, en los avisos y en la línea de órdenes.
error-too-large = el archivo pesa más de 64 MiB ({ $size } bytes o más); no es un archivo de paciente
error-empty = el archivo está vacío
error-not-utf8 = el archivo no es texto UTF-8 (byte no válido en la posición { $offset })
error-parse = línea { $line }, columna { $column }: { $message }
error-missing-version = el archivo no tiene el campo `version`, así que no es un archivo de paciente que esta aplicación pueda leer
error-newer-version = el archivo usa la versión de formato { $found }, más nueva de lo que esta aplicación entiende (hasta { $newest }); probablemente se guardó con una versión más nueva de xhim-aid
error-unknown-version = el archivo dice tener la versión de formato { $found }, que nunca existió (conocidas: de 1 a { $newest })
error-invalid = los datos del paciente no son válidos: { $problems }
error-load = { $file }: { $problem }
error-cannot-read = no se puede leer: { $error }

# Errores al guardar un archivo de paciente: el paso que falló y lo que quedó.
error-save = { $file }: no se pudo guardar ({ $step }): { $error }
error-changed = { $file }: otra persona lo cambió después de abrirlo; no se escribió nada
step-serialize = al preparar el contenido del archivo
step-create-temp = al crear un archivo temporal en la carpeta
step-write-temp = al escribir el archivo temporal
step-sync-temp = al pasar el archivo temporal al disco
step-backup = al conservar la versión anterior como archivo .bak
step-replace = al reemplazar el archivo con la versión nueva
step-sync-folder = al pasar la carpeta al disco

# Por qué el resumen clínico no llegó al portapapeles (entre paréntesis, las palabras del sistema).
error-clipboard-unavailable = el portapapeles del sistema no está disponible ({ $system })
error-clipboard-refused = el portapapeles del sistema no aceptó el texto ({ $system })
error-clipboard-read-back = no se pudo releer el portapapeles del sistema para confirmar la copia ({ $system })
error-clipboard-mismatch = el portapapeles del sistema tiene un texto distinto del resumen (quizá otro programa lo reemplazó)

# Por qué no se escribió un informe o un folleto (las palabras del sistema, tal cual).
error-report-build = { $file }no se pudo crear el informe: { $message }
error-report-folder = { $file }: la carpeta «{ $folder }» no existe
error-report-write = { $file }: no se pudo escribir el PDF ({ $step }): { $error }

# Por qué no se pudo cambiar la biblioteca de pruebas; el archivo sigue como estaba.
error-library-folder = no se pudo crear la carpeta de la biblioteca { $folder }: { $error }
error-library-to-trash = { $file }: no se pudo mover a la papelera: { $error }
error-library-from-trash = { $file }: no se pudo sacar de la papelera: { $error }
error-library-remove = { $file }: no se pudo borrar: { $error }
error-library-format = { $file }: { $message }
msg-library-not-kept = «{ $what }» no se pudo guardar en la biblioteca: { $error }
msg-library-shown-not-kept = No se pudo guardar en la biblioteca qué cohortes se muestran: { $error }
msg-library-export-failed = No se pudo exportar el archivo de cohorte: { $error }
msg-library-trash-failed = { $file } no se pudo mover a la papelera de la biblioteca: { $error }
msg-library-restore-failed = { $file } no se pudo restaurar: { $error }

# El aviso al abrir un archivo guardado con pruebas anteriores (las entradas
# del registro de cambios conservan sus palabras).
notice-saved-unversioned = sin versión de las pruebas
notice-saved-under = con las pruebas { $version }
notice-new-evidence = Este archivo se guardó por última vez { $saved }; las pruebas están ahora en la versión { $version } ({ $date }). Lo nuevo que le concierne: { $heads }. El resumen y el informe dan cada uno completo.

# Junto al nombre del archivo del paciente: si está guardado.
msg-file-saving = Guardando…
msg-file-unsaved = Sin guardar
msg-file-saved = Guardado

# Preferencias (Archivo > Preferencias…).
prefs-title = Preferencias
prefs-name = Su nombre (se registra en cada guardado)
prefs-remember-recent = Recordar los archivos recientes
prefs-what-is-kept = Las preferencias guardan su nombre, el tema y las rutas de los archivos recientes, nunca datos del paciente.

# La configuración del centro y su biblioteca compartida.
msg-config-unreadable = No se puede leer la configuración { $file }: { $error }
msg-config-invalid = La configuración { $file } no es válida y no se usó: { $error }
msg-shared-library-unreadable = No se puede leer la biblioteca compartida { $folder }: { $error }

# Trabajo en curso, junto al arco que gira abajo en la ventana.
msg-job-checking = Comprobando { $file }
msg-job-saving = Guardando { $file }
msg-job-writing = Escribiendo { $file }
msg-job-library = Escribiendo la biblioteca
msg-job-recovery = Guardando las ediciones sin guardar para recuperarlas
