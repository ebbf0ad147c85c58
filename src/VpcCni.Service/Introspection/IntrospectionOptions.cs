using System.ComponentModel.DataAnnotations;
using VpcCni.Engine.Configuration;

namespace VpcCni.Service.Introspection;

/// <summary>
/// The introspection listener. Filled from the node's variables with upstream's names
/// (<c>DISABLE_INTROSPECTION</c>, <c>INTROSPECTION_BIND_ADDRESS</c>) as the engine parses them;
/// docs/service.md "Introspection".
/// </summary>
public sealed class IntrospectionOptions : IValidatableObject
{
    /// <summary><c>DISABLE_INTROSPECTION</c>: no introspection listener at all.</summary>
    public bool Disabled { get; set; }

    /// <summary><c>INTROSPECTION_BIND_ADDRESS</c>, default <c>127.0.0.1:61679</c> (loopback only).</summary>
    public string BindAddress { get; set; } = EndpointOptions.DefaultIntrospectionBindAddress;

    /// <summary>The parsed <see cref="BindAddress"/>; valid once validation passed.</summary>
    public HttpBindAddress ParseListener() =>
        HttpBindAddress.TryParse(BindAddress, allowUnix: true, out var parsed) ? parsed! : throw new InvalidOperationException($"INTROSPECTION_BIND_ADDRESS '{BindAddress}' is invalid.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Disabled && !HttpBindAddress.TryParse(BindAddress, allowUnix: true, out _))
        {
            yield return new ValidationResult(
                $"INTROSPECTION_BIND_ADDRESS '{BindAddress}' must be host:port with an IP address or localhost and a port from 1 to 65535, :port, or unix:<absolute path>.",
                [nameof(BindAddress)]);
        }
    }
}
