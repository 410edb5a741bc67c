namespace Ikosa.Contracts;

/// <summary>What a character (or, for masters, everyone) sees; clients refetch after a notification says it changed.</summary>
[ServiceContract(Namespace = IkosaNamespaces.Services, CallbackContract = typeof(IVisualizationCallback), SessionMode = SessionMode.Required)]
public interface IVisualizationService
{
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    void Bind(string ticket);

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    ViewInfo GetView(Guid creature);

    /// <summary>The whole map and every creature: masters only.</summary>
    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    ViewInfo GetMasterView();

    [OperationContract]
    [FaultContract(typeof(AccessDeniedFault))]
    [FaultContract(typeof(InvalidArgumentFault))]
    ImageInfo GetImage(string name);
}

[ServiceContract(Namespace = IkosaNamespaces.Services)]
public interface IVisualizationCallback
{
    [OperationContract(IsOneWay = true)]
    void OnSessionEnded(string reason);
}
