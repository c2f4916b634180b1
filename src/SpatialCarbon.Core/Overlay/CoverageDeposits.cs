namespace SpatialCarbon.Core.Overlay;

/// <summary>Signed area deposits (row, column, value) left by ring edges, before they are summed along each row.
/// A reusable buffer: one per thread, cleared between polygons, so that computing coverage allocates nothing per
/// edge.</summary>
public sealed class CoverageDeposits
{
    private int[] _rows = new int[1024];
    private int[] _cols = new int[1024];
    private double[] _values = new double[1024];
    private int[] _sortedCols = [];
    private double[] _sortedValues = [];
    private int[] _rowStart = [];

    public int Count { get; private set; }

    public int RowMin { get; private set; } = int.MaxValue;

    public int RowMax { get; private set; } = int.MinValue;

    public void Clear()
    {
        Count = 0;
        RowMin = int.MaxValue;
        RowMax = int.MinValue;
    }

    public void Add(int row, int col, double value)
    {
        if (Count == _rows.Length) Grow();
        _rows[Count] = row;
        _cols[Count] = col;
        _values[Count] = value;
        Count++;
        if (row < RowMin) RowMin = row;
        if (row > RowMax) RowMax = row;
    }

    /// <summary>Groups the deposits by row (counting sort) and orders each row by column. Afterwards
    /// <see cref="Row"/> gives one row's deposits.</summary>
    public void Sort()
    {
        if (Count == 0) return;
        var rows = RowMax - RowMin + 1;
        if (_rowStart.Length < rows + 1) _rowStart = new int[Math.Max(rows + 1, _rowStart.Length * 2)];
        var start = _rowStart.AsSpan(0, rows + 1);
        start.Clear();
        for (var i = 0; i < Count; i++) start[_rows[i] - RowMin + 1]++;
        for (var r = 0; r < rows; r++) start[r + 1] += start[r];

        if (_sortedCols.Length < Count)
        {
            _sortedCols = new int[_rows.Length];
            _sortedValues = new double[_rows.Length];
        }

        Span<int> next = rows <= 4096 ? stackalloc int[rows] : new int[rows];
        start[..rows].CopyTo(next);
        for (var i = 0; i < Count; i++)
        {
            var slot = next[_rows[i] - RowMin]++;
            _sortedCols[slot] = _cols[i];
            _sortedValues[slot] = _values[i];
        }

        for (var r = 0; r < rows; r++)
        {
            var cols = _sortedCols.AsSpan(start[r], start[r + 1] - start[r]);
            var values = _sortedValues.AsSpan(start[r], start[r + 1] - start[r]);
            if (cols.Length <= 24) InsertionSort(cols, values);
            else cols.Sort(values);
        }
    }

    /// <summary>The deposits of one row, ordered by column (valid after <see cref="Sort"/>).</summary>
    public void Row(int row, out ReadOnlySpan<int> cols, out ReadOnlySpan<double> values)
    {
        var s = _rowStart[row - RowMin];
        var n = _rowStart[row - RowMin + 1] - s;
        cols = _sortedCols.AsSpan(s, n);
        values = _sortedValues.AsSpan(s, n);
    }

    private static void InsertionSort(Span<int> cols, Span<double> values)
    {
        for (var i = 1; i < cols.Length; i++)
        {
            var c = cols[i];
            var v = values[i];
            var j = i - 1;
            while (j >= 0 && cols[j] > c)
            {
                cols[j + 1] = cols[j];
                values[j + 1] = values[j];
                j--;
            }

            cols[j + 1] = c;
            values[j + 1] = v;
        }
    }

    private void Grow()
    {
        var n = _rows.Length * 2;
        Array.Resize(ref _rows, n);
        Array.Resize(ref _cols, n);
        Array.Resize(ref _values, n);
    }
}
