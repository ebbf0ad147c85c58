namespace VpcCni.Service.Configuration;

/// <summary>The environment file the service reads (<c>--config</c>), for the components that report on it.</summary>
/// <param name="Path">Its absolute path.</param>
public sealed record EnvFileLocation(string Path);
