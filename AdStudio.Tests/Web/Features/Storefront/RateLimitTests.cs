using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Storefront;

[Collection(LimitedApp.Name)]
public sealed class RateLimitTests(LimitedAppHost host)
{
    /// <summary>A client whose connections come from <paramref name="localAddress"/> (any 127.x.y.z is loopback on Linux), so it is its own client address.</summary>
    private HttpClient ClientFrom(string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.App.BaseAddress };
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/auth/token", new { email = $"nobody-{Guid.NewGuid():N}@adstudio.test", password = "not-the-password" });

    [Fact]
    public async Task Token_BurstFromOneAddress_FourthAttemptAnswers429WithRetryAfter()
    {
        using var client = ClientFrom("127.0.0.2");
        for (var i = 0; i < LimitedAppHost.SignInPerMinute; i++)
        {
            using var allowed = await SignInAsync(client);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var refused = await SignInAsync(client);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());
    }

    [Fact]
    public async Task Token_BurstFromOneAddress_LeavesOtherAddressesAlone()
    {
        using var noisy = ClientFrom("127.0.0.3");
        using var other = ClientFrom("127.0.0.4");
        for (var i = 0; i <= LimitedAppHost.SignInPerMinute; i++)
        {
            using var attempt = await SignInAsync(noisy);
        }

        using var response = await SignInAsync(other);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Serve_BurstOnOneKey_Answers429WithRetryAfterAndLeavesOtherKeysAlone()
    {
        var (_, otherKey) = await StorefrontClients.CreateKeyAsync(host.App, $"burst {Guid.NewGuid():N}");
        var (_, burstKey) = await StorefrontClients.CreateKeyAsync(host.App, $"burst {Guid.NewGuid():N}");

        // Five per second are allowed: within a few dozen back-to-back requests one must be refused.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 60 && refused is null; i++)
        {
            var response = await StorefrontClients.ServeAsync(host.App, burstKey);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(statuses.Count > LimitedAppHost.StorefrontPerSecond, string.Join(",", statuses));
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        }

        using var other = await StorefrontClients.ServeAsync(host.App, otherKey);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task SignInForm_PostsBeyondLimit_Answer429ButShowingTheFormIsNeverLimited()
    {
        using var client = ClientFrom("127.0.0.5");
        for (var i = 0; i < LimitedAppHost.SignInPerMinute + 2; i++)
        {
            using var page = await client.GetAsync("/account/sign-in");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        for (var i = 0; i < LimitedAppHost.SignInPerMinute; i++)
        {
            using var attempt = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("Email", "nobody@adstudio.test"), new("Password", "not-the-password")]));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, attempt.StatusCode);
        }

        using var refused = await client.PostAsync("/account/sign-in/two-factor", new FormUrlEncodedContent([new("Code", "123456")]));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }
}
