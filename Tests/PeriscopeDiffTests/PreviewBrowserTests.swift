import Foundation
import PeriscopeDSL
import PeriscopeDiff
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// The preview pages of the example catalog, rendered by a real browser (headless Chromium) to
/// PNG; the test samples pixels where `gridPos` puts each panel, following the documented
/// geometry (40 px per column, 20 px per grid row, 2 px gutter, SVG at 16, 72), not the code that
/// draws it. PNGs are decoded with Python's Pillow. `make test-deps` installs both.
enum BrowserTools {
    /// Whether `chromium` runs and Python has Pillow.
    static let available = ExternalTool.isAvailable("chromium") && ((try? ExternalTool.run(["python3", "-c", "import PIL"], input: "").status) == 0)
}

@Suite(.serialized, .enabled(if: ExternalTool.shouldRun(BrowserTools.available), "chromium or python3 with Pillow not found (make test-deps installs them); skipping the browser test"))
struct PreviewBrowserTests {
    /// Decodes a PNG and prints the RGB of each requested point, one `x y r g b` line per point.
    static let sampler = """
        import json, sys
        from PIL import Image
        request = json.load(sys.stdin)
        image = Image.open(request["png"]).convert("RGB")
        print("size", image.width, image.height)
        for x, y in request["points"]:
            r, g, b = image.getpixel((x, y)) if 0 <= x < image.width and 0 <= y < image.height else (-1, -1, -1)
            print(x, y, r, g, b)
        """

    struct Probe {
        var x: Int
        var y: Int
        var expected: (Int, Int, Int)
        var tolerance: Int
        var what: String
    }

    static func rgb(_ hex: String) -> (Int, Int, Int) {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    @Test func panelBoxesAppearWhereGridPosPutsThem() throws {
        let work = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let build = work.appendingPathComponent("build"), html = work.appendingPathComponent("html")
        let render = try Binary.run(["render", "--env", "prod", "--out", build.path])
        #expect(render.status == 0, "\(render.stderr)")
        let preview = try Binary.run(["preview", build.path, "--out", html.path])
        #expect(preview.status == 0, "\(preview.stderr)")

        let read = ArtifactFolderReader().read([build.path])
        let environment = try #require(read.environments.first)
        #expect(environment.dashboards.count >= 3)
        let (column, row, gutter, left, top) = (40, 20, 2, 16, 72)
        var checkedBoxes = 0
        for artifact in environment.dashboards {
            let dashboard = artifact.dashboard
            let page = html.appendingPathComponent("prod/\(PreviewPages.safeName(dashboard.uid ?? "")).html")
            #expect(FileManager.default.fileExists(atPath: page.path), "\(page.path)")
            // Top-level panels only: those of collapsed rows are hidden, as in Grafana.
            let panels = dashboard.panels.filter { $0.pointer.tokens.count == 2 && $0.gridPos != nil }
            let height = (panels.compactMap { $0.gridPos.map { $0.y + $0.h } } + dashboard.rows.compactMap { $0.gridPos.map { $0.y + 1 } }).max() ?? 1
            var probes: [Probe] = []
            for panel in panels {
                guard let grid = panel.gridPos else { continue }
                let x0 = left + grid.x * column + gutter
                let (x1, y1) = (left + (grid.x + grid.w) * column - gutter, top + (grid.y + grid.h) * row - gutter)
                let fill = Self.rgb(LayoutGeometry.Palette.panel.fill)
                // Inside, near the bottom-right corner (the title and type are at the top left).
                probes.append(Probe(x: x1 - 5, y: y1 - 5, expected: fill, tolerance: 8, what: "inside '\(panel.title)' \(grid)"))
                probes.append(Probe(x: (x0 + x1) / 2, y: y1 - 5, expected: fill, tolerance: 8, what: "bottom middle of '\(panel.title)' \(grid)"))
                // The gutter right of the box is page background (or a column guide), not panel.
                if grid.x + grid.w < 24 {
                    probes.append(Probe(x: left + (grid.x + grid.w) * column, y: y1 - 5, expected: (245, 245, 245), tolerance: 12, what: "gutter right of '\(panel.title)'"))
                }
                checkedBoxes += 1
            }
            for band in dashboard.rows {
                guard let grid = band.gridPos else { continue }
                let colours = band.collapsed ? LayoutGeometry.Palette.collapsedRow : LayoutGeometry.Palette.row
                probes.append(Probe(x: left + 24 * column - 12, y: top + grid.y * row + row / 2, expected: Self.rgb(colours.fill), tolerance: 8,
                                    what: "row band '\(band.title)'\(band.collapsed ? " (collapsed)" : "")"))
            }
            let png = work.appendingPathComponent("\(PreviewPages.safeName(dashboard.uid ?? "")).png")
            let window = "\(left + 24 * column + 40),\(top + height * row + 40)"
            _ = try ExternalTool.run([
                "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=\(work.appendingPathComponent("profile").path)", "--screenshot=\(png.path)", "--window-size=\(window)", page.absoluteString,
            ], input: "")
            #expect(FileManager.default.fileExists(atPath: png.path), "chromium wrote no screenshot of \(page.lastPathComponent)")
            let request = "{\"png\": \"\(png.path)\", \"points\": [" + probes.map { "[\($0.x), \($0.y)]" }.joined(separator: ", ") + "]}"
            let sampled = try ExternalTool.run(["python3", "-c", Self.sampler], input: request)
            #expect(sampled.status == 0)
            let lines = sampled.output.split(separator: "\n").dropFirst()
            #expect(lines.count == probes.count)
            for (probe, line) in zip(probes, lines) {
                let values = line.split(separator: " ").compactMap { Int($0) }
                guard values.count == 5 else {
                    Issue.record("unreadable sample \(line)")
                    continue
                }
                let (r, g, b) = (values[2], values[3], values[4])
                let (er, eg, eb) = probe.expected
                let close = abs(r - er) <= probe.tolerance && abs(g - eg) <= probe.tolerance && abs(b - eb) <= probe.tolerance
                #expect(close, "\(dashboard.uid ?? ""): \(probe.what) at (\(probe.x), \(probe.y)) is rgb(\(r), \(g), \(b)), expected about rgb(\(er), \(eg), \(eb))")
            }
        }
        #expect(checkedBoxes >= 10, "the example catalog has panels to check")
    }

    /// The side-by-side page of the change set: the browser draws green (added), purple (moved),
    /// yellow (changed) and the collapsed-row orange, and no red (nothing was removed from a
    /// changed dashboard).
    @Test func diffPageMarksPanelsByWhatHappened() throws {
        let work = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let report = work.appendingPathComponent("report")
        let run = try Binary.run(["diff", DiffFixtures.changeSet.appendingPathComponent("old").path, DiffFixtures.changeSet.appendingPathComponent("new").path,
                                  "--format", "html", "--out", report.path])
        #expect(run.status == 0, "\(run.stderr)")
        let png = work.appendingPathComponent("diff.png")
        _ = try ExternalTool.run([
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--user-data-dir=\(work.appendingPathComponent("profile").path)", "--screenshot=\(png.path)", "--window-size=1700,1000",
            report.appendingPathComponent("index.html").absoluteString,
        ], input: "")
        let counter = """
            import sys
            from PIL import Image
            image = Image.open(sys.argv[1]).convert("RGB")
            counts = {}
            for pixel in image.getdata():
                counts[pixel] = counts.get(pixel, 0) + 1
            for colour in sys.argv[2:]:
                value = int(colour[1:], 16)
                print(colour, counts.get(((value >> 16) & 255, (value >> 8) & 255, value & 255), 0))
            """
        let palette = LayoutGeometry.Palette.self
        let colours = [palette.added.fill, palette.moved.fill, palette.changed.fill, palette.collapsedRow.fill, palette.removed.fill]
        let result = try ExternalTool.run(["python3", "-c", counter, png.path] + colours, input: "")
        var counts: [String: Int] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { counts[String(parts[0])] = Int(parts[1]) }
        }
        // The legend swatches are small; the boxes are thousands of pixels.
        for colour in [palette.added.fill, palette.moved.fill, palette.changed.fill, palette.collapsedRow.fill] {
            #expect((counts[colour] ?? 0) > 5_000, "\(colour): \(counts[colour] ?? 0) pixels")
        }
        #expect((counts[palette.removed.fill] ?? 0) < 2_000, "only the legend is red: \(counts[palette.removed.fill] ?? 0) pixels")
    }
}
