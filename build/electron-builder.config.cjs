// electron-builder configuration for `npm run dist` (build/scripts/dist.mjs).
//
// What goes in the app: out/ (main, preload and renderer, bundled by bundle.mjs), package.json
// and the production dependencies (electron-builder collects them from package.json). The
// bundles inline almost everything, but the saved-page reader loads jsdom and Readability at
// run time, on the first page read (corpus/extract/html/dom.ts): jsdom reads files of its own
// beside its code and takes 0.6 s to load, so it is neither bundled nor loaded at start-up;
// iconv-lite likewise, at the first article that is not UTF-8 (corpus/text/decode.ts).
//
// Opening a corpus folder from the OS:
//   Linux   the desktop entry declares MimeType=inode/directory, so file managers offer
//           "Open with Hashiya" on folders; the folder arrives as an argument (path or file:// URL).
//   Windows the installer adds "Open with Hashiya" to the folder context menu (build/installer.nsh);
//           NSIS file associations work by extension only and a folder has none.
//   macOS   Info.plist declares the app a Viewer (rank Alternate) of public.folder, so a folder
//           can be dropped on the Dock icon or opened with Hashiya; it arrives as `open-file`.
// No URL scheme (`protocols`) is registered: a hashiya:// handler would let any web page start
// the app with input of the page's choosing, and opening folders needs none.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.hashiya.app',
  productName: 'Hashiya',
  executableName: 'hashiya',
  copyright: 'Copyright © Hashiya developers',
  directories: {
    output: 'dist',
    buildResources: 'build',
  },
  files: ['package.json', 'out/**/*', '!**/*.map'],
  asar: true,
  // Nothing native is shipped (see above), so there is nothing to rebuild for Electron.
  npmRebuild: false,
  nodeGypRebuild: false,
  extraResources: [
    {
      from: 'corpus/sample',
      to: 'corpus/sample',
      filter: ['**/*', '!.hashiya{,/**/*}', '!**/*.tmp', '!**/.*.tmp'],
    },
  ],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icons',
    // The .desktop file is named after executableName (hashiya.desktop), which is what
    // package.json's desktopName should say so that windows are linked to the entry.
    syncDesktopName: true,
    synopsis: 'Read, annotate and translate Persian and Arabic news',
    description: 'Offline reader, annotator and translation workbench for Persian and Arabic news.',
    mimeTypes: ['inode/directory'],
    desktop: {
      entry: {
        Name: 'Hashiya',
        GenericName: 'News Annotator',
        Comment: 'Read and annotate Persian and Arabic articles',
        Keywords: 'Persian;Arabic;Farsi;annotation;translation;news;',
      },
    },
  },
  deb: {
    packageCategory: 'text',
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    include: 'build/installer.nsh',
    shortcutName: 'Hashiya',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'build/icon.icns',
    hardenedRuntime: true,
    extendInfo: {
      CFBundleDocumentTypes: [
        {
          CFBundleTypeName: 'Folder',
          CFBundleTypeRole: 'Viewer',
          LSHandlerRank: 'Alternate',
          LSItemContentTypes: ['public.folder'],
        },
      ],
    },
  },
  dmg: {
    title: 'Hashiya ${version}',
  },
  publish: null,
};
