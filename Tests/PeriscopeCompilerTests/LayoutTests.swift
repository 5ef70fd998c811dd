import PeriscopeCompiler
import PeriscopeDSL
import Testing

@Suite struct LayoutTests {
    private func positions(_ items: [DashboardItem]) -> [(Int, GridPos)] {
        var result: [(Int, GridPos)] = []
        for item in GridLayout().place(items) {
            result.append((item.id, item.gridPos))
            if case .row(_, let panels) = item.kind { result += panels.map { ($0.id, $0.gridPos) } }
        }
        return result
    }

    @Test func panelsFlowIntoTheGridAndWrap() {
        let items: [DashboardItem] = [
            .panel(Panel(type: "timeseries", title: "a")),
            .panel(Panel(type: "timeseries", title: "b")),
            .panel(Panel(type: "stat", title: "c")),
            .panel(Panel(type: "stat", title: "d").height(6)),
        ]
        let placed = positions(items)
        #expect(placed.map(\.0) == [1, 2, 3, 4])
        #expect(placed.map(\.1) == [
            GridPos(x: 0, y: 0, w: 12, h: 8), GridPos(x: 12, y: 0, w: 12, h: 8),
            GridPos(x: 0, y: 8, w: 6, h: 4), GridPos(x: 6, y: 8, w: 6, h: 6),
        ])
    }

    @Test func rowsStartANewLineAndCollapsedRowsTakeNoSpace() {
        let items: [DashboardItem] = [
            .panel(Panel(type: "stat", title: "top")),
            .row(Row("one") { Panel(type: "timeseries", title: "a").width(24) }),
            .row(Row("two", collapsed: true) { Panel(type: "timeseries", title: "b") }),
            .row(Row("three") { Panel(type: "text", title: "c") }),
        ]
        let placed = positions(items)
        #expect(placed.map(\.0) == [1, 2, 3, 4, 5, 6, 7])
        #expect(placed.map(\.1) == [
            GridPos(x: 0, y: 0, w: 6, h: 4),
            GridPos(x: 0, y: 4, w: 24, h: 1), GridPos(x: 0, y: 5, w: 24, h: 8),
            GridPos(x: 0, y: 13, w: 24, h: 1), GridPos(x: 0, y: 14, w: 12, h: 8),
            GridPos(x: 0, y: 14, w: 24, h: 1), GridPos(x: 0, y: 15, w: 24, h: 3),
        ])
    }

    @Test func rowWithAnExplicitYKeepsItAndItsPanelsFlowBelowIt() {
        let items: [DashboardItem] = [
            .panel(Panel(type: "stat", title: "top")),
            // A gap above (the flow would put it at y 4) and, below, a collapsed row placed higher
            // than the flow would.
            .row(Row("one") { Panel(type: "timeseries", title: "a") }.gridPos(y: 10)),
            .row(Row("two", collapsed: true) { Panel(type: "stat", title: "b") }.gridPos(y: 12)),
            .row(Row("three") { Panel(type: "stat", title: "c") }),
        ]
        #expect(positions(items).map(\.1) == [
            GridPos(x: 0, y: 0, w: 6, h: 4),
            GridPos(x: 0, y: 10, w: 24, h: 1), GridPos(x: 0, y: 11, w: 12, h: 8),
            GridPos(x: 0, y: 12, w: 24, h: 1), GridPos(x: 0, y: 13, w: 6, h: 4),
            GridPos(x: 0, y: 13, w: 24, h: 1), GridPos(x: 0, y: 14, w: 6, h: 4),
        ])
    }

    @Test func explicitGridPosIsKeptAndFlowContinuesBesideIt() {
        let items: [DashboardItem] = [
            .panel(Panel(type: "stat", title: "fixed").gridPos(x: 4, y: 2, w: 8, h: 3)),
            .panel(Panel(type: "stat", title: "next")),
        ]
        #expect(positions(items).map(\.1) == [GridPos(x: 4, y: 2, w: 8, h: 3), GridPos(x: 12, y: 2, w: 6, h: 4)])
    }
}
