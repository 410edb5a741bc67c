using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ikosa.Client.App.Web;

/// <summary>
/// The page is served under a secret first path segment (http://127.0.0.1:PORT/SECRET/): a request without it is
/// refused with 403 before anything else runs, so another user or a web page on the same machine cannot drive the app.
/// </summary>
public sealed class SecretGate(string secret)
{
    private readonly byte[] _secret = Encoding.ASCII.GetBytes(secret);

    public string Secret { get; } = secret;

    /// <summary>A new secret: 32 random bytes, URL-safe.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        var end = path.IndexOf('/', 1);
        var first = end < 0 ? path.TrimStart('/') : path[1..end];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(first), _secret))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Forbidden: open the address with its secret, exactly as the Ikosa app printed it.").ConfigureAwait(false);
            return;
        }
        if (end < 0)
        {
            // The page's addresses are relative to the secret's folder: it must end with a slash.
            context.Response.Redirect("/" + Secret + "/");
            return;
        }
        context.Request.PathBase = context.Request.PathBase.Add("/" + Secret);
        context.Request.Path = path[end..];
        await next(context).ConfigureAwait(false);
    }
}
