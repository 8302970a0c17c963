# Los menús de la ventana, en español.
menu-file = Archivo
menu-new = Nuevo
menu-open = Abrir…
menu-open-recent = Abrir reciente
menu-no-recent = No hay archivos recientes
menu-clear-recent = Borrar archivos recientes
menu-open-path = Abrir por ruta…
menu-save = Guardar
menu-save-as = Guardar como…
menu-export-report = Exportar informe (PDF)…
menu-export-handout = Exportar folleto para la familia (PDF)…
menu-copy-summary = Copiar resumen clínico
menu-import = Importar datos de una cohorte…
menu-load-cohort = Cargar archivo de cohorte…
menu-digitize = Digitalizar una curva publicada…
menu-close = Cerrar
menu-preferences = Preferencias…
menu-quit = Salir
menu-view = Ver
menu-clinician-view = Vista clínica
menu-family-view = Vista para la familia
menu-inheritance = Cómo se hereda el XHIM…
menu-library = Biblioteca de pruebas…
menu-theme = Tema
menu-theme-system = Sistema
menu-theme-light = Claro
menu-theme-dark = Oscuro
menu-zoom = Zoom: Ctrl + / Ctrl − / Ctrl 0
menu-language = Idioma de los menús
menu-help = Ayuda
menu-about = Sobre esta ayuda y sus fuentes

# Los controles del consejero arriba de la vista para la familia, y el
# encabezado del panel izquierdo allí.
family-inheritance-button = Cómo se hereda el XHIM
family-export-button = Exportar folleto (PDF)…
family-keep-answers = Guardar las respuestas de la familia en el archivo del paciente
family-keep-answers-hover = Desactivado: las respuestas quedan solo en esta sesión y se imprimen en el folleto. Activado: se guardan con el archivo del paciente.
family-patient-details = Datos del paciente (para el médico)
