<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_CL">
<context>
    <name>InventoryTable</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Stock físico</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
</context>
<context>
    <name>LoginController</name>
    <message>
        <source>Wrong login or PIN. Try again, or scan your badge.</source>
        <translation>Usuario o PIN incorrecto. Intenta de nuevo o escanea tu credencial.</translation>
    </message>
    <message>
        <source>Cannot sign in: the database did not answer (%1).</source>
        <translation>No se pudo ingresar: la base de datos no respondió (%1).</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <source>Just Logistics Station — sign in</source>
        <translation>Just Logistics Station — ingreso</translation>
    </message>
    <message>
        <source>Just Logistics Station</source>
        <translation>Just Logistics Station</translation>
    </message>
    <message>
        <source>Station %1</source>
        <translation>Estación %1</translation>
    </message>
    <message>
        <source>Scan your badge, or type your login and PIN.</source>
        <translation>Escanea tu credencial, o escribe tu usuario y PIN.</translation>
    </message>
    <message>
        <source>Login or badge</source>
        <translation>Usuario o credencial</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Ingresar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <source>Filter: number, customer, comuna, state…</source>
        <translation>Filtrar: número, cliente, comuna, estado…</translation>
    </message>
    <message>
        <source>Filter: SKU, name, client…</source>
        <translation>Filtrar: SKU, nombre, cliente…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Just Logistics Station</source>
        <translation>Just Logistics Station</translation>
    </message>
    <message>
        <source>Just Logistics</source>
        <translation>Just Logistics</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Packing</source>
        <translation>Empaque</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>Picking</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventario</translation>
    </message>
    <message>
        <source>Bin map</source>
        <translation>Mapa de bodega</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Despachos</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reportes</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>It arrives with the packing-station work: scan, weigh, label.</source>
        <translation>Llega con el trabajo de la estación de empaque: escanear, pesar, etiquetar.</translation>
    </message>
    <message>
        <source>It arrives with pick waves and walking routes.</source>
        <translation>Llega con las olas de picking y las rutas de recorrido.</translation>
    </message>
    <message>
        <source>It arrives with the warehouse map of bins and stock.</source>
        <translation>Llega con el mapa de la bodega: ubicaciones y stock.</translation>
    </message>
    <message>
        <source>It arrives with the carrier plugins and label printing.</source>
        <translation>Llega con los plugins de transportistas y la impresión de etiquetas.</translation>
    </message>
    <message>
        <source>It arrives with the payment gateway plugins: refunds and reconciliation.</source>
        <translation>Llega con los plugins de medios de pago: reembolsos y conciliación.</translation>
    </message>
    <message>
        <source>It arrives with the marketplace plugins: listings and stock sync.</source>
        <translation>Llega con los plugins de marketplaces: publicaciones y sincronización de stock.</translation>
    </message>
    <message>
        <source>It arrives with returns (RMA): receive, inspect, restock, refund.</source>
        <translation>Llega con las devoluciones (RMA): recibir, revisar, reponer y reembolsar.</translation>
    </message>
    <message>
        <source>It arrives with the sales and stock reports.</source>
        <translation>Llega con los reportes de ventas y de stock.</translation>
    </message>
</context>
<context>
    <name>OrderState</name>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Asignado</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>En picking</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Pickeado</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Empacado</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Despachado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulado</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devuelto</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Direct</source>
        <translation>Directo</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Comuna</source>
        <translation>Comuna</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Fecha</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <source>%1 is not built yet.</source>
        <translation>La vista %1 todavía no está construida.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Change it with `station --database-url` or in the settings file.</source>
        <translation>Se cambia con `station --database-url` o en el archivo de configuración.</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Archivo de configuración: %1</translation>
    </message>
    <message>
        <source>The station needs a name.</source>
        <translation>La estación necesita un nombre.</translation>
    </message>
    <message>
        <source>Could not save the settings: %1</source>
        <translation>No se pudo guardar la configuración: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>The new language shows the next time the station starts.</source>
        <translation>El nuevo idioma se verá la próxima vez que se inicie la estación.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Station name</source>
        <translation>Nombre de la estación</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The station cannot open its database:
%1

Reason: %2</source>
        <translation>La estación no puede abrir su base de datos:
%1

Motivo: %2</translation>
    </message>
    <message>
        <source>Check that the database server is running and that this computer can reach it on the network. If the address is wrong, start the station with --database-url, set STATION_DATABASE_URL, or change database_url in the settings file. Then start the station again.</source>
        <translation>Revisa que el servidor de base de datos esté funcionando y que este computador lo alcance por la red. Si la dirección está mal, inicia la estación con --database-url, define STATION_DATABASE_URL o cambia database_url en el archivo de configuración. Luego vuelve a iniciar la estación.</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problema de configuración</translation>
    </message>
    <message>
        <source>The settings file cannot be read:
%1</source>
        <translation>No se puede leer el archivo de configuración:
%1</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Problema con la base de datos</translation>
    </message>
    <message>
        <source>Demo data. Sign in as (login / PIN):</source>
        <translation>Datos de demostración. Ingresa como (usuario / PIN):</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <source>packer</source>
        <translation>empacador</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <translation>Estación: %1</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>sin configurar</translation>
    </message>
    <message>
        <source>Scale: %1</source>
        <translation>Balanza: %1</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Impresora: %1</translation>
    </message>
    <message>
        <source>Set the scale and printer in the settings file, section [devices].</source>
        <translation>Configura la balanza y la impresora en el archivo de configuración, sección [devices].</translation>
    </message>
    <message>
        <source>Plugins: loading…</source>
        <translation>Plugins: cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n plugin(s)</source>
        <translation>
            <numerusform>%n plugin</numerusform>
            <numerusform>%n plugins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n con falla</numerusform>
            <numerusform>%n con fallas</numerusform>
        </translation>
    </message>
    <message>
        <source>All plugins loaded.</source>
        <translation>Todos los plugins cargaron bien.</translation>
    </message>
    <message>
        <source>Plugins: not loaded</source>
        <translation>Plugins: no cargados</translation>
    </message>
</context>
<context>
    <name>Summaries</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n pedido</numerusform>
            <numerusform>%n pedidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n order(s)</source>
        <translation>
            <numerusform>%1 de %n pedido</numerusform>
            <numerusform>%1 de %n pedidos</numerusform>
        </translation>
    </message>
    <message>
        <source>(the newest)</source>
        <translation>(los más recientes)</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n SKU(s)</source>
        <translation>
            <numerusform>%1 de %n SKU</numerusform>
            <numerusform>%1 de %n SKU</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableController</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not load the list: %1</source>
        <translation>No se pudo cargar la lista: %1</translation>
    </message>
</context>
<context>
    <name>TablePageView</name>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
</context>
<context>
    <name>_OpeningView</name>
    <message>
        <source>Opening the database…
%1</source>
        <translation>Abriendo la base de datos…
%1</translation>
    </message>
</context>
</TS>
