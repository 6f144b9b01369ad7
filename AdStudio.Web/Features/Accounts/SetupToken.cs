using System.Security.Cryptography;
using System.Text;

namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// The one-time secret of the <c>/setup?token=…</c> link, printed at start while no user exists. It lives in
/// memory only: a restart before set-up prints a new link, and the first admin's creation closes it for good.
/// </summary>
public sealed class SetupToken
{
    private readonly Lock _gate = new();
    private string? _token;

    /// <summary>True while the app waits for its first administrator.</summary>
    /// <remarks>Read on every request by the set-up gate, /serve's included: a volatile read, not the lock.</remarks>
    public bool IsPending => Volatile.Read(ref _token) is not null;

    public string Open()
    {
        lock (_gate)
        {
            if (_token is null)
            {
                Volatile.Write(ref _token, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'));
            }

            return _token!;
        }
    }

    public bool Matches(string? candidate)
    {
        lock (_gate)
        {
            return _token is not null && candidate is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(candidate));
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            Volatile.Write(ref _token, null);
        }
    }
}
