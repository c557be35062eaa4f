/** The page `minispl web` serves: the app over the server's HTTP API (the playground has its own entry). */
import { httpClient } from "./http-client.js";
import { startApp } from "./main.js";

startApp(httpClient());
