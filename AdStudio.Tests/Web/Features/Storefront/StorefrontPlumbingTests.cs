using System.Security.Claims;
using AdStudio.Core.Storefront;
using AdStudio.Web.Features.Storefront;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Storefront;

public sealed class StorefrontPlumbingTests
{
    private sealed class Conventions : IEndpointConventionBuilder
    {
        private readonly List<Action<EndpointBuilder>> _all = [];

        public void Add(Action<EndpointBuilder> convention) => _all.Add(convention);

        public RouteEndpointBuilder Apply(string route)
        {
            var endpoint = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), 0);
            _all.ForEach(c => c(endpoint));
            return endpoint;
        }
    }

    [Fact]
    public void ActorOf_StorefrontRequest_IsTheKeyName()
    {
        const string Key = "as_plumbing-test-key-0123456789";
        var holder = new StorefrontKeyHolder();
        holder.Swap(StorefrontKeyRing.Build(
            [new StorefrontKey { Id = 4, Name = "web shop", KeyHash = StorefrontKeyRing.HashHex(Key), Prefix = Key[..8], CreatedBy = "admin@shop.test" }],
            [],
            new StorefrontKeyUsages()));
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, "admin@shop.test")], "test")),
            RequestServices = new ServiceCollection().AddSingleton(holder).BuildServiceProvider(),
        };
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(RequiresStorefrontKey.Instance), "/serve"));
        context.Request.Headers[StorefrontKeyMiddleware.HeaderName] = Key;

        Assert.Equal("web shop", Actor.Of(context.Request));
    }

    [Fact]
    public void ActorOf_SignedInRequest_IsTheUser()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, "admin@shop.test")], "test")) };

        Assert.Equal("admin@shop.test", Actor.Of(context.Request));
    }

    [Theory]
    [InlineData("/account/sign-in", true)]
    [InlineData("/Account/Sign-In/", true)]
    [InlineData("/account/sign-in/two-factor", true)]
    [InlineData("/account/sign-out", false)]
    [InlineData("/campaigns", false)]
    public void RequireSignInRateLimit_Routes_LimitOnlyTheSignInPages(string route, bool limited)
    {
        var conventions = new Conventions();

        conventions.RequireSignInRateLimit("/account/sign-in", "/account/sign-in/two-factor");

        var policy = conventions.Apply(route).Metadata.OfType<EnableRateLimitingAttribute>().SingleOrDefault()?.PolicyName;
        Assert.Equal(limited ? RateLimitSetup.SignInPolicy : null, policy);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData(null, "unknown")]
    public void ClientPartition_Address_IsAddressOrIpv6Network(string? address, string partition)
    {
        Assert.Equal(partition, RateLimitSetup.ClientPartition(address is null ? null : System.Net.IPAddress.Parse(address)));
    }
}
