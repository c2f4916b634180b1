using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SpatialCarbon.Core;

namespace SpatialCarbon.Server.Http;

/// <summary>The one place exceptions become HTTP answers (as titiler's status table): bad input is a 400
/// problem+json naming what is wrong, an unknown source 404, a too-large upload 413; anything else stays a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            UnknownSourceException => (StatusCodes.Status404NotFound, "Unknown source"),
            InputException or UnsupportedFormatException => (StatusCodes.Status400BadRequest, "Bad input"),
            BadHttpRequestException b => (b.StatusCode, "Bad request"),
            JsonException => (StatusCodes.Status400BadRequest, "Bad JSON"),
            _ => (0, ""),
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        var detail = new ProblemDetails { Status = status, Title = title, Detail = exception.Message, Instance = context.Request.Path };
        if (exception is InputException ie)
        {
            detail.Extensions["input"] = ie.Path;
            if (ie.Record is not null) detail.Extensions["record"] = ie.Record;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = detail, Exception = exception });
    }
}
