# Los mensajes de la ventana: avisos, diálogos y errores de archivo.
