using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Linux.Namespaces;

/// <summary>
/// The namespace path does not exist. CNI DEL treats this as success (containernetworking/plugins
/// pkg/ns <c>NSPathNotExistErr</c>).
/// </summary>
public sealed class NetNsNotFoundException : NetNsException
{
    public NetNsNotFoundException()
        : this("The network namespace does not exist.")
    {
    }

    public NetNsNotFoundException(string message)
        : base(VpcCniErrorCategory.NotFound, ErrorIds.Netns.NotFound, message)
    {
    }

    public NetNsNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
