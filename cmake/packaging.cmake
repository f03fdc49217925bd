# Installation layout and the Debian package.
#
# Include from the top-level CMakeLists.txt after add_subdirectory(app) and
# add_subdirectory(resources):   include(cmake/packaging.cmake)
#
#   cmake --install BUILD [--prefix DIR]   binary, desktop file, metainfo, icons, man page
#   cpack -G DEB  (in BUILD)               wsmsgbroker_<version>-1_<arch>.deb for Debian 12
#   scripts/check-deb.sh BUILD             builds, inspects, installs and runs that package

include_guard(GLOBAL)
include(GNUInstallDirs)

foreach(required_target IN ITEMS wsmsgbroker wsmsgbroker_app_icon_pngs)
    if(NOT TARGET ${required_target})
        message(FATAL_ERROR "cmake/packaging.cmake needs the target ${required_target}; include it "
                            "after add_subdirectory(app) and add_subdirectory(resources)")
    endif()
endforeach()

# Reverse-DNS application id: names the desktop file, the metainfo and the icon, and is what
# desktops match windows against (the app sets it with QGuiApplication::setDesktopFileName).
set(WSMSGBROKER_APP_ID "io.github.wsmsgbroker.WSMsgBroker")
set(resources_dir "${PROJECT_SOURCE_DIR}/resources")

# --- install rules ------------------------------------------------------------------------------

# qt_standard_project_setup() gives executables the install RPATH $ORIGIN:$ORIGIN/../lib for
# libraries installed next to them. This project installs none and uses the system's Qt, and
# Debian policy (lintian: custom-library-search-path) wants no RPATH, so drop it.
set_target_properties(wsmsgbroker PROPERTIES INSTALL_RPATH "")
install(TARGETS wsmsgbroker RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

install(FILES "${resources_dir}/${WSMSGBROKER_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${resources_dir}/${WSMSGBROKER_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")

set(hicolor_dir "${CMAKE_INSTALL_DATADIR}/icons/hicolor")
install(FILES "${resources_dir}/icons/wsmsgbroker.svg"
        DESTINATION "${hicolor_dir}/scalable/apps" RENAME "${WSMSGBROKER_APP_ID}.svg")
get_target_property(icon_sizes wsmsgbroker_app_icon_pngs WSMSGBROKER_ICON_SIZES)
get_target_property(icon_png_dir wsmsgbroker_app_icon_pngs WSMSGBROKER_ICON_DIR)
foreach(size IN LISTS icon_sizes)
    install(FILES "${icon_png_dir}/${size}x${size}/wsmsgbroker.png"
            DESTINATION "${hicolor_dir}/${size}x${size}/apps" RENAME "${WSMSGBROKER_APP_ID}.png")
endforeach()

# Debian policy wants man pages and changelogs compressed with gzip -9n (no name or time stamp,
# so the result is reproducible). Installs SOURCE gzipped as DESTINATION/NAME.gz.
find_program(WSMSGBROKER_GZIP gzip REQUIRED)
function(wsmsgbroker_install_gzipped source name destination)
    set(copy "${PROJECT_BINARY_DIR}/gzipped/${name}")
    add_custom_command(OUTPUT "${copy}.gz"
        COMMAND ${CMAKE_COMMAND} -E copy "${source}" "${copy}"
        COMMAND "${WSMSGBROKER_GZIP}" -9nf "${copy}"
        DEPENDS "${source}"
        COMMENT "Compressing ${name}"
        VERBATIM)
    string(MAKE_C_IDENTIFIER "${name}" target_suffix)
    add_custom_target(wsmsgbroker_gzip_${target_suffix} ALL DEPENDS "${copy}.gz")
    install(FILES "${copy}.gz" DESTINATION "${destination}")
endfunction()

wsmsgbroker_install_gzipped("${resources_dir}/wsmsgbroker.1" wsmsgbroker.1
                            "${CMAKE_INSTALL_MANDIR}/man1")

# The package's own changelog entry, as Debian tools expect one in every package.
set(WSMSGBROKER_DEB_RELEASE 1)
set(WSMSGBROKER_MAINTAINER "The WSMsgBroker developers <wsmsgbroker@users.noreply.github.com>")
# Day resolution keeps the file stable across reconfigures; SOURCE_DATE_EPOCH pins it.
string(TIMESTAMP changelog_date "%a, %d %b %Y 00:00:00 +0000" UTC)
file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/changelog.Debian" CONTENT
"wsmsgbroker (${PROJECT_VERSION}-${WSMSGBROKER_DEB_RELEASE}) unstable; urgency=medium

  * Release ${PROJECT_VERSION}, packaged with CPack.

 -- ${WSMSGBROKER_MAINTAINER}  ${changelog_date}
")
wsmsgbroker_install_gzipped("${PROJECT_BINARY_DIR}/changelog.Debian" changelog.Debian
                            "${CMAKE_INSTALL_DOCDIR}")

install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}" OPTIONAL)
# Debian expects the licence as /usr/share/doc/<package>/copyright.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
        RENAME copyright OPTIONAL)

# --- CPack: Debian package ----------------------------------------------------------------------

set(CPACK_PACKAGE_NAME "wsmsgbroker")
set(CPACK_PACKAGE_VENDOR "The WSMsgBroker developers")
set(CPACK_PACKAGE_CONTACT "${WSMSGBROKER_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "WebSocket message broker with a live traffic inspector")
set(CPACK_PACKAGE_DESCRIPTION
    "WSMsgBroker is a WebSocket message broker that speaks the JSON protocol of the
wsmsgbroker npm package, so existing clients connect to it unchanged: rooms,
direct messages and acknowledgements (fastest answer wins).
Its inspector window shows every connection, room and frame live, with
filtering and export; --headless runs it without a window for servers and CI.
Limits, access tokens, allowed origins and TLS protect exposed brokers.")

set(CPACK_GENERATOR "DEB")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # wsmsgbroker_<version>-<release>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE ${WSMSGBROKER_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps (dpkg-dev) derives the libraries the binary links (libqt6core6, libqt6network6,
# libqt6websockets6, libqt6gui6, libqt6widgets6, libyaml-cpp0.7 for the contracts' YAML, libc6,
# libstdc++6, ...) with their versions.
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them: libqt6svg6 carries the SVG
# icon engine the icons need. (The xcb and offscreen platform plugins are in libqt6gui6.)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
# Native Wayland windows instead of XWayland.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
# Qt's own translations, for the standard dialogs in French and German.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")

include(CPack)
