namespace Ikosa.Contracts;

/// <summary>What a character (or, for masters, everyone) sees; clients refetch after a notification says it changed.</summary>
[ServiceContract(Namespace = IkosaNamespaces.Services, CallbackContract = typeof(IVisualizationCallback), SessionMode = SessionMode.Required)]
public interface IVisualizationService
{
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task BindAsync(string ticket);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<ViewInfo> GetViewAsync(Guid creature);

    /// <summary>The whole map and every creature: masters only.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    Task<ViewInfo> GetMasterViewAsync();

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    Task<ImageInfo> GetImageAsync(string name);
}

[ServiceContract(Namespace = IkosaNamespaces.Services)]
public interface IVisualizationCallback
{
    [OperationContract(IsOneWay = true)]
    Task OnSessionEndedAsync(string reason);
}
