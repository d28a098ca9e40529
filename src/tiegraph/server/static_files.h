// Static files of the web UI, served only from inside the web root.
// ResolveStaticPath maps a decoded URL path ("/", "/app.js", "/img/a.png")
// to a regular file under `root`: "/" and folders mean their index.html;
// paths with "..", "\", NUL or other control bytes are refused, and the
// resolved real path (symbolic links followed) must still lie inside the
// root's real path. NotFound for anything else, so nothing outside leaks.
#pragma once

#include <string>
#include <string_view>

#include "tiegraph/status.h"

namespace tiegraph::server {

Result<std::string> ResolveStaticPath(const std::string& root, std::string_view url_path);

// MIME type by extension ("application/octet-stream" if unknown).
std::string ContentTypeFor(std::string_view path);

}  // namespace tiegraph::server
