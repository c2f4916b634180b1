namespace SpatialCarbon.Core.Overlay;

/// <summary>Walks one ring edge through the grid, row strip by row strip and cell by cell, and deposits the signed
/// area it bounds. For a piece of edge inside cell (row, col) that descends by dy with mean fractional x m inside the
/// cell, the area of the cell to the right of the piece is dy·(1 - m) and every cell further right gets a full dy:
/// so the piece deposits dy·(1 - m) at col and dy·m at col + 1. Summed along a row from the left, the deposits of a
/// closed ring give each cell's exact signed covered area (Green's theorem), boundary cells and interior cells alike:
/// no flood fill and no point-in-polygon test are needed.</summary>
/// <remarks>Only the raster extent is walked: parts of an edge above or below the raster are clipped away (they
/// bound no area inside it), parts left of column 0 deposit their whole dy in column 0 (every raster cell lies to
/// their right) and parts right of the last column deposit nothing.</remarks>
public static class CellTraversal
{
    /// <summary>Deposits the edge (x0, y0) → (x1, y1), in pixel coordinates, scaled by <paramref name="sign"/>.</summary>
    public static void Edge(double x0, double y0, double x1, double y1, double sign, int width, int height,
        CoverageDeposits deposits)
    {
        if (y0 == y1) return;
        if (y0 > y1)
        {
            (x0, x1) = (x1, x0);
            (y0, y1) = (y1, y0);
            sign = -sign;
        }

        if (y1 <= 0 || y0 >= height) return;
        if (x0 >= width && x1 >= width) return;

        var ya = Math.Max(y0, 0);
        var yb = Math.Min(y1, height);
        var dxdy = (x1 - x0) / (y1 - y0);
        var rowStart = (int)Math.Floor(ya);
        var rowEnd = Math.Min((int)Math.Ceiling(yb), height) - 1;
        for (var row = rowStart; row <= rowEnd; row++)
        {
            var ys = Math.Max(ya, row);
            var ye = Math.Min(yb, row + 1);
            if (ye <= ys) continue;
            var xs = ys == y0 ? x0 : x0 + (ys - y0) * dxdy;
            var xe = ye == y1 ? x1 : x0 + (ye - y0) * dxdy;
            RowPiece(row, xs, xe, sign * (ye - ys), width, deposits);
        }
    }

    /// <summary>Deposits a straight piece inside one row strip, from x = xa to x = xb, descending by dy in total.</summary>
    private static void RowPiece(int row, double xa, double xb, double dy, int width, CoverageDeposits deposits)
    {
        if (xa > xb) (xa, xb) = (xb, xa);
        if (xa >= width) return;

        var span = xb - xa;
        if (span == 0 || Math.Floor(xa) == Math.Floor(xb))
        {
            var col = (int)Math.Floor(xa);
            if (col < 0)
            {
                deposits.Add(row, 0, dy);
                return;
            }

            var m = (xa + xb) / 2 - col;
            deposits.Add(row, col, dy * (1 - m));
            if (col + 1 < width) deposits.Add(row, col + 1, dy * m);
            return;
        }

        var perX = dy / span;
        if (xa < 0)
        {
            var leftEnd = Math.Min(xb, 0);
            deposits.Add(row, 0, perX * (leftEnd - xa));
            if (xb <= 0) return;
            xa = 0;
        }

        var last = Math.Min(xb, width);
        var c = (int)Math.Floor(xa);
        var x = xa;
        while (x < last)
        {
            var next = Math.Min(c + 1.0, last);
            var part = perX * (next - x);
            var m = (x + next) / 2 - c;
            deposits.Add(row, c, part * (1 - m));
            if (c + 1 < width) deposits.Add(row, c + 1, part * m);
            x = next;
            c++;
        }
    }
}
