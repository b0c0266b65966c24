; Included by electron-builder's NSIS installer (nsis.include). Adds "Open with Hashiya" to
; the context menu of folders, the Windows way of opening a corpus folder from Explorer.
; SHCTX is the per-user or per-machine hive, whichever the installation uses.

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\Directory\shell\Hashiya" "" "Open with Hashiya"
  WriteRegStr SHCTX "Software\Classes\Directory\shell\Hashiya" "Icon" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\Directory\shell\Hashiya\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\Directory\shell\Hashiya"
!macroend
