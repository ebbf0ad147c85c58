using System.ComponentModel.DataAnnotations;
using System.Text;
using VpcCni.Engine.Rpc;

namespace VpcCni.Service.Rpc;

/// <summary>
/// Where the node service listens for the CNI plugin (configuration section <c>IpamSocket</c>).
/// The default is the path upstream's plugin dials, so either plugin works with this service.
/// </summary>
public sealed class IpamSocketOptions : IValidatableObject
{
    /// <summary>The configuration section bound to this class.</summary>
    public const string SectionName = "IpamSocket";

    /// <summary>
    /// unix(7): <c>sun_path</c> holds 108 bytes including the terminating NUL, so a longer path cannot be bound.
    /// </summary>
    public const int MaxPathBytes = 107;

    /// <summary>Absolute path of the socket file, default <c>/var/run/aws-node/ipamd.sock</c>.</summary>
    [Required]
    public string Path { get; set; } = UnixSocketChannel.DefaultIpamSocketPath;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(Path))
        {
            yield break;
        }

        if (!System.IO.Path.IsPathFullyQualified(Path))
        {
            yield return new ValidationResult($"IpamSocket:Path '{Path}' must be an absolute path.", [nameof(Path)]);
        }

        if (Encoding.UTF8.GetByteCount(Path) > MaxPathBytes)
        {
            yield return new ValidationResult(
                $"IpamSocket:Path '{Path}' is longer than the {MaxPathBytes} bytes a Unix socket address can hold.", [nameof(Path)]);
        }

        if (Path.EndsWith('/'))
        {
            yield return new ValidationResult($"IpamSocket:Path '{Path}' names a directory, not a socket file.", [nameof(Path)]);
        }
    }
}
