using System.ComponentModel.DataAnnotations;
using AdStudio.Web.Features.Security;
using Microsoft.Extensions.Configuration;

namespace AdStudio.Tests.Web.Security;

/// <summary>When AdStudio counts as served over TLS (HSTS and the https redirect on), and which proxy settings are valid.</summary>
public sealed class TransportSecurityTests
{
    [Theory]
    [InlineData("urls", "http://127.0.0.1:5000", false)]
    [InlineData("urls", "http://+:80;https://+:443", true)]
    [InlineData("urls", "HTTPS://adstudio.example", true)]
    [InlineData("https_ports", "443", true)]
    [InlineData("Kestrel:Endpoints:Web:Url", "https://0.0.0.0:8443", true)]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:8080", false)]
    [InlineData("nothing", "", false)]
    public void IsServedOverTls_Addresses_DecideByScheme(string key, string value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        Assert.Equal(expected, TransportSecurity.IsServedOverTls(configuration, new ForwardedHeadersSettings()));
    }

    [Fact]
    public void IsServedOverTls_ProxyTerminatesTls_IsTrueOverPlainHttp()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("urls", "http://127.0.0.1:5000")]).Build();

        Assert.True(TransportSecurity.IsServedOverTls(configuration, new ForwardedHeadersSettings { KnownProxies = ["10.0.0.5"], ProxyTerminatesTls = true }));
    }

    [Theory]
    [InlineData(new[] { "10.0.0.5", "::1" }, new string[0], false, true)]
    [InlineData(new[] { "10.0.0.300" }, new string[0], false, false)]
    [InlineData(new string[0], new[] { "10.0.0.0/24" }, true, true)]
    [InlineData(new string[0], new[] { "10.0.0.0/33" }, false, false)]
    [InlineData(new string[0], new string[0], true, false)]
    public void Validate_ProxySettings_AcceptsOnlyAddressesAndNetworks(string[] proxies, string[] networks, bool terminatesTls, bool valid)
    {
        var settings = new ForwardedHeadersSettings { KnownProxies = proxies, KnownNetworks = networks, ProxyTerminatesTls = terminatesTls };

        var errors = settings.Validate(new ValidationContext(settings)).ToList();

        Assert.Equal(valid, errors.Count == 0);
    }
}
