using System.ComponentModel.DataAnnotations;
using VpcCni.Service.Introspection;

namespace VpcCni.Service.Metrics;

/// <summary>
/// The Prometheus listener (configuration section <c>Metrics</c>, plus upstream's
/// <c>DISABLE_METRICS</c>). Upstream always listens on <c>:61678</c>; here the address can move.
/// </summary>
public sealed class MetricsOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "Metrics";

    /// <summary>Upstream's metrics address: port 61678 on every interface.</summary>
    public const string DefaultBindAddress = ":61678";

    /// <summary><c>DISABLE_METRICS</c>: no metrics listener.</summary>
    public bool Disabled { get; set; }

    /// <summary><c>Metrics:BindAddress</c>: <c>host:port</c>, <c>[v6]:port</c> or <c>:port</c>.</summary>
    public string BindAddress { get; set; } = DefaultBindAddress;

    /// <summary>The parsed <see cref="BindAddress"/>; valid once validation passed.</summary>
    public HttpBindAddress ParseListener() =>
        HttpBindAddress.TryParse(BindAddress, allowUnix: false, out var parsed) ? parsed! : throw new InvalidOperationException($"Metrics:BindAddress '{BindAddress}' is invalid.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Disabled && !HttpBindAddress.TryParse(BindAddress, allowUnix: false, out _))
        {
            yield return new ValidationResult(
                $"Metrics:BindAddress '{BindAddress}' must be host:port with an IP address or localhost and a port from 1 to 65535, or :port.",
                [nameof(BindAddress)]);
        }
    }
}
