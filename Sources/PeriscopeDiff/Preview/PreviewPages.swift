/// The pages `periscope preview` writes: one self-contained HTML page per dashboard (its layout
/// as inline SVG, then a table of its panels) and an `index.html` listing them.
///
/// Pages have no scripts and load nothing: styles are inline. Page paths are
/// `<environment>/<uid>.html` (`files/` for plain folders), with every character outside
/// `A-Z a-z 0-9 . _ -` of a name replaced by `_` and a leading `.` too, so a uid like `../x`
/// stays inside the output folder; names that collide get `-2`, `-3`, ….
public enum PreviewPages {
    /// A page to write: its path relative to the output folder and its HTML.
    public struct Page: Sendable, Equatable {
        /// The relative path, with `/` separators.
        public var path: String
        /// The page.
        public var html: String
    }

    /// Every page for `tree`, the index last, in a fixed order (environment, uid, path).
    public static func pages(for tree: DiffTree) -> [Page] {
        var pages: [Page] = []
        var used = Set<String>()
        var indexItems: [(environment: String, entries: [(title: String, uid: String, folder: String, panels: Int, href: String)])] = []
        for environment in tree.environments.sorted(by: { $0.name < $1.name }) {
            let directory = safeName(environment.name.isEmpty ? "files" : environment.name)
            var entries: [(title: String, uid: String, folder: String, panels: Int, href: String)] = []
            for file in environment.dashboards.sorted(by: { ($0.dashboard.uid ?? "", $0.path) < ($1.dashboard.uid ?? "", $1.path) }) {
                let base = directory + "/" + safeName(file.dashboard.uid ?? file.path)
                var path = base + ".html", counter = 2
                while !used.insert(path).inserted {
                    path = base + "-\(counter).html"
                    counter += 1
                }
                let title = file.dashboard.title ?? "(untitled)"
                pages.append(Page(path: path, html: page(file, environment: environment.name)))
                entries.append((title, file.dashboard.uid ?? "", file.folder, file.dashboard.panels.count, path))
            }
            indexItems.append((environment.name.isEmpty ? "files" : environment.name, entries))
        }
        var body = "<header><h1>Dashboards</h1></header>\n<main class=\"flow\">\n"
        for item in indexItems {
            body += "<h2>\(HTMLText.escape(item.environment))</h2>\n<table><thead><tr><th>Title</th><th>uid</th><th>Folder</th><th>Panels</th></tr></thead><tbody>\n"
            for entry in item.entries {
                body += "<tr><td><a href=\"\(HTMLText.escape(entry.href))\">\(HTMLText.escape(entry.title))</a></td><td><code>\(HTMLText.escape(entry.uid))</code></td>"
                body += "<td>\(HTMLText.escape(entry.folder))</td><td>\(entry.panels)</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body += "</main>\n"
        pages.append(Page(path: "index.html", html: HTMLPage.document(title: "Periscope preview", body: body)))
        return pages
    }

    /// The page of one dashboard: the layout at (`LayoutGeometry.pageLeft`, `pageTop`), then its panels.
    static func page(_ file: DashboardFile, environment: String) -> String {
        let dashboard = file.dashboard
        let layout = DashboardLayout(dashboard)
        let title = dashboard.title ?? "(untitled)"
        var body = "<header><h1>\(HTMLText.escape(title))</h1><p><code>\(HTMLText.escape(dashboard.uid ?? ""))</code>"
        if !environment.isEmpty { body += " · environment \(HTMLText.escape(environment))" }
        body += " · folder \(HTMLText.escape(file.folder.isEmpty ? "(root)" : file.folder)) · \(dashboard.panels.count) panels"
        if layout.isApproximated { body += " · positions derived from legacy rows[] spans" }
        body += " · <a href=\"../index.html\">index</a></p></header>\n"
        let height = layout.gridHeight * LayoutGeometry.rowHeight
        body += LayoutSVG(layout: layout, idPrefix: "p").render(
            attributes: " style=\"position:absolute;left:\(LayoutGeometry.pageLeft)px;top:\(LayoutGeometry.pageTop)px\"") + "\n"
        body += "<main style=\"position:absolute;left:\(LayoutGeometry.pageLeft)px;top:\(LayoutGeometry.pageTop + height + 24)px\">\n"
        body += "<table><thead><tr><th>Row</th><th>Title</th><th>Type</th><th>Unit</th><th>gridPos</th><th>Queries</th></tr></thead><tbody>\n"
        for panel in dashboard.panels {
            let grid = panel.gridPos.map { "\($0.x), \($0.y), \($0.w)×\($0.h)" } ?? "–"
            let queries = panel.targets.compactMap(\.expr).map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: "<br>")
            body += "<tr><td>\(HTMLText.escape(panel.rowPath.joined(separator: " › ")))</td><td>\(HTMLText.escape(panel.title))</td>"
            body += "<td>\(HTMLText.escape(panel.type))</td><td>\(HTMLText.escape(panel.fieldConfig.unit ?? ""))</td><td>\(grid)</td><td>\(queries)</td></tr>\n"
        }
        body += "</tbody></table>\n</main>\n"
        return HTMLPage.document(title: title, body: body)
    }

    /// A file or folder name that cannot leave its folder: `A-Z a-z 0-9 . _ -` kept, others `_`, no leading `.`.
    public static func safeName(_ name: String) -> String {
        var out = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) || scalar == "-" || scalar == "_" || scalar == "." ? scalar : "_"
        }))
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        if out.isEmpty { out = "_" }
        return String(out.prefix(120))
    }
}

/// The HTML document frame shared by preview and diff pages.
enum HTMLPage {
    static let style = """
        body{margin:0;font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:14px;color:#1f2328;background:#ffffff}
        header{position:absolute;left:0;top:0;width:100%;height:64px;overflow:hidden;box-sizing:border-box;padding:8px 16px;border-bottom:1px solid #d0d7de;background:#f6f8fa}
        header h1{font-size:18px;margin:0 0 4px 0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        header p{margin:0;color:#57606a;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        main.flow{position:absolute;left:16px;top:72px;right:16px}
        table{border-collapse:collapse;margin:8px 0}
        th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
        code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:pre-wrap;word-break:break-all}
        .pair{display:flex;gap:24px;align-items:flex-start;flex-wrap:nowrap}
        .side h4{margin:4px 0}
        .changes{min-width:360px;max-width:640px}
        .changes li{margin:2px 0}
        pre.diff{margin:4px 0;padding:6px;background:#f6f8fa;border:1px solid #d0d7de;white-space:pre-wrap;word-break:break-all}
        .add{color:#1a7f37}.del{color:#cf222e}
        .legend span{display:inline-block;padding:1px 6px;margin-right:6px;border:1px solid}
        """

    static func document(title: String, body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(HTMLText.escape(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
            + body + "</body>\n</html>\n"
    }
}
