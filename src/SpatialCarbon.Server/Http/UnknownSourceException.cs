using SpatialCarbon.Core;

namespace SpatialCarbon.Server.Http;

/// <summary>A request named a tile source or legend the workspace does not have (answered 404).</summary>
public sealed class UnknownSourceException(string id, IEnumerable<string> known)
    : InputException("source", id, $"no such source (known: {string.Join(", ", known)})");
