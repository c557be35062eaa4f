import "./matchers.js";
