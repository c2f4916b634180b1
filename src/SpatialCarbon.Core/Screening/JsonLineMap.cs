using System.Text.Json;

namespace SpatialCarbon.Core.Screening;

/// <summary>The 1-based line of every value and property in a JSON text, by path ("rules[3].scope.zone_kind"), so that
/// semantic errors found after parsing can name the line, as syntax errors do.</summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public JsonLineMap(ReadOnlySpan<byte> utf8)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') lineStarts.Add(i + 1);
        int LineAt(long offset)
        {
            var k = lineStarts.BinarySearch((int)offset);
            return (k >= 0 ? k : ~k - 1) + 1;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<Frame>();
        while (reader.Read())
        {
            var line = LineAt(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var top = stack[^1];
                    top.Property = reader.GetString();
                    _lines.TryAdd(Join(top.Path, top.Property!), line);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    break;
                default:
                    string path;
                    if (stack.Count == 0) path = "";
                    else if (stack[^1].IsArray)
                    {
                        var array = stack[^1];
                        array.Index++;
                        path = $"{array.Path}[{array.Index}]";
                        _lines.TryAdd(path, line);
                    }
                    else path = Join(stack[^1].Path, stack[^1].Property!);

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        stack.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray, Path = path });
                    break;
            }
        }
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest enclosing path that has one (1 at worst).</summary>
    public int LineOf(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line)) return line;
            if (p.Length == 0) return 1;
        }
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private sealed class Frame
    {
        public bool IsArray;
        public int Index = -1;
        public string Path = "";
        public string? Property;
    }
}
